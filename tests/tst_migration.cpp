// Upgrades keep a way back: when an existing SQLite file is older than the code's schema,
// a copy is saved beside it before migrating, and only then.
#include "storage/SqliteStorage.h"

#include <QDir>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace gistack;

namespace {

// The next release: today's schema plus one more step.
class NextReleaseStorage : public SqliteStorage {
public:
    using SqliteStorage::SqliteStorage;

protected:
    QList<QStringList> migrations() const override {
        QList<QStringList> steps = SqliteStorage::migrations();
        steps.append(
            {QStringLiteral("CREATE TABLE operator_notes (id INTEGER PRIMARY KEY, note TEXT NOT NULL)")});
        return steps;
    }
};

// Reads a database file through a connection of its own, as an operator with sqlite3 would.
struct FileFacts {
    int schemaVersion = -1;
    QStringList orgs;
    bool hasNotes = false;
};

FileFacts readFile(const QString &path) {
    FileFacts facts;
    const QString name = QStringLiteral("reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && q.next())
                facts.schemaVersion = q.value(0).toInt();
            if (q.exec(QStringLiteral("SELECT id FROM orgs ORDER BY id"))) {
                while (q.next())
                    facts.orgs.append(q.value(0).toString());
            }
            facts.hasNotes = db.tables().contains(QStringLiteral("operator_notes"));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return facts;
}

} // namespace

class TestMigration : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString dbPath() const { return m_dir->filePath(QStringLiteral("gistack.db")); }
    QStringList backups() const {
        return QDir(m_dir->path()).entryList({QStringLiteral("gistack.db.bak-*")}, QDir::Files, QDir::Name);
    }

    void createCurrentDatabase() {
        SqliteStorage storage(dbPath());
        storage.open();
        storage.begin();
        storage.upsertOrg(Org{QStringLiteral("org-1"), QStringLiteral("Survey Bureau")});
        storage.commit();
    }

private slots:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }

    void olderFileIsCopiedBeforeMigrating() {
        createCurrentDatabase();
        const int current = readFile(dbPath()).schemaVersion;
        QVERIFY(current >= 1);
        {
            NextReleaseStorage next(dbPath());
            next.open();
            QCOMPARE(next.schemaVersion(), current + 1);
        }
        const QStringList saved = backups();
        QCOMPARE(saved.size(), 1);
        static const QRegularExpression name(
            QStringLiteral("^gistack\\.db\\.bak-v%1-\\d{8}-\\d{6}$").arg(current));
        QVERIFY2(name.match(saved.first()).hasMatch(), qPrintable(saved.first()));

        // The copy is the database as it was before the upgrade, data included ...
        const FileFacts backup = readFile(m_dir->filePath(saved.first()));
        QCOMPARE(backup.schemaVersion, current);
        QCOMPARE(backup.orgs, QStringList{"org-1"});
        QVERIFY(!backup.hasNotes);
        // ... and the live file moved on with its data.
        const FileFacts live = readFile(dbPath());
        QCOMPARE(live.schemaVersion, current + 1);
        QCOMPARE(live.orgs, QStringList{"org-1"});
        QVERIFY(live.hasNotes);

        // Opening the migrated file again takes no further copy.
        NextReleaseStorage again(dbPath());
        again.open();
        QCOMPARE(backups().size(), 1);
    }

    void upToDateFileIsNotCopied() {
        createCurrentDatabase();
        SqliteStorage storage(dbPath());
        storage.open();
        QVERIFY(backups().isEmpty());
    }

    void newFileIsNotCopied() {
        NextReleaseStorage storage(dbPath());
        storage.open();
        QVERIFY(backups().isEmpty());
        QVERIFY(readFile(dbPath()).hasNotes);
    }

    void twoUpgradesInOneSecondKeepBothCopies() {
        createCurrentDatabase();
        const int current = readFile(dbPath()).schemaVersion;
        QFile::copy(dbPath(), m_dir->filePath(QStringLiteral("pristine")));
        {
            NextReleaseStorage next(dbPath());
            next.open();
        }
        // Put the old file back and upgrade again at once: the first copy is not overwritten.
        QFile::remove(dbPath());
        QFile::remove(dbPath() + QStringLiteral("-wal"));
        QFile::remove(dbPath() + QStringLiteral("-shm"));
        QVERIFY(QFile::copy(m_dir->filePath(QStringLiteral("pristine")), dbPath()));
        {
            NextReleaseStorage next(dbPath());
            next.open();
        }
        const QStringList saved = backups();
        QCOMPARE(saved.size(), 2);
        for (const QString &file : saved)
            QCOMPARE(readFile(m_dir->filePath(file)).schemaVersion, current);
    }
};

QTEST_MAIN(TestMigration)
#include "tst_migration.moc"
