#pragma once

#include "NodeProcess.h"
#include "PgTestDatabase.h"
#include "WsClient.h"

#include <QJsonObject>
#include <QString>

#include <memory>
#include <vector>

namespace gistack::test {

// Several gistack-server processes on one fresh PostgreSQL database, with the org, users and
// helpers the multi-node tests share. Data goes in through the API of the first node.
class ClusterFixture {
public:
    ClusterFixture();
    ~ClusterFixture();

    // Starts count nodes named A, B, C, ...; false when one did not come up.
    bool start(int count);
    NodeProcess &node(int index) { return *m_nodes.at(size_t(index)); }
    PgTestDatabase &database() { return *m_database; }
    // The test database's password, to check that no node ever prints it.
    QString password() const;
    // Returns the name of a node whose output contains the password, empty when none does.
    QString nodeLeakingPassword();

    // org-a with orgadmin admin-a and users alice and bob.
    bool seed();
    std::unique_ptr<WsClient> login(quint16 port, const QString &userId);
    std::unique_ptr<WsClient> login(NodeProcess &node, const QString &userId) {
        return login(node.port(), userId);
    }
    // A website apply request of userId; returns its id, empty on failure.
    QString submit(NodeProcess &node, const QString &userId, const QString &resource);
    int decide(NodeProcess &node, const QString &requestId, bool approved);
    QJsonObject stats(NodeProcess &node);

    // Message type names from the catalogue (nothing outside it spells them).
    static QString countType();
    static QString passedType();

private:
    std::unique_ptr<PgTestDatabase> m_database;
    std::vector<std::unique_ptr<NodeProcess>> m_nodes;
};

} // namespace gistack::test
