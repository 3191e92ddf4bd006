<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConfigLoader</name>
    <message>
        <source>TCP port for WebSocket, HTTP API and health check (default 8080).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on (default 127.0.0.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite file, or :memory: (default under the user&apos;s data folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HS256 secret that signs browser tokens (prefer the config file or environment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bearer key of the HTTP API (prefer the config file or environment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remind of expiries this many days ahead (default 10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time of day open connections get the login checks again (default 09:00).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INI file with these settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load demo orgs, users and data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every connection and message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read config file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config file %1 is not a valid INI file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--%1 on the command line is visible to other local users; prefer the config file or %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port must be a number from 0 to 65535, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bind must be an IP address, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold-days must be a number from 0 to 3650, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daily-check-at must be a time HH:mm, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsoleApp</name>
    <message>
        <source>GIStack Notify console: the notification server with a window to watch and run it.
--headless runs exactly what gistack-server runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIStack Notify console</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop renew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageCatalogue</name>
    <message>
        <source>GIStack platform licence expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uploaded ArcGIS licences expire soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leased cloud sites expire soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ArcGIS licences of leased sites expire soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leased cloud desktops expire soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registrations waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud site applications waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud site renewals waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud desktop applications waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud desktop renewals waiting for approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud site application approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud site application rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud site renewal approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud site renewal rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud desktop application approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud desktop application rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud desktop renewal approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cloud desktop renewal rejected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotifyServer</name>
    <message>
        <source>set a jwt-secret and an api-key of at least 16 characters each (config file, GISTACK_JWT_SECRET / GISTACK_API_KEY, or the options)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not load demo data: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server is not running</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerCommandLine</name>
    <message>
        <source>GIStack Notify: pushes GIStack notifications to browsers over WebSocket.
Commands: (none) serve; token USERID [--ttl SECONDS] print a signed JWT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: token USERID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token lifetime in seconds (default 86400).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run without a window (console only).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::ArcgisLicenceDialog</name>
    <message>
        <source>Add ArcGIS licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit ArcGIS licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10.6.1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::DashboardView</name>
    <message>
        <source>Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages sent in the last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending by organisation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::DecisionDialog</name>
    <message>
        <source>Approve requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Approve %n selected item(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n selected item(s)?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Decide as org admin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicants get the result message at once, or at their next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::GistackLicenceDialog</name>
    <message>
        <source>GIStack licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The GIStack licence expires:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::LanguageManager</name>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::LeaseDialog</name>
    <message>
        <source>The site&apos;s ArcGIS licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::LicencesModel</name>
    <message>
        <source>GIStack licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ArcGIS licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site&apos;s ArcGIS licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>expired %n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::LicencesView</name>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIStack licence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add ArcGIS licence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add lease…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Highlighted: expires within %n day(s) (the reminder threshold) or has expired; %1 item(s) now.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not saved:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GIStack licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::MainWindow</name>
    <message>
        <source>GIStack Notify console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running · listening on %1 · database %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n online</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gistack::MessageLogModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 delivered, %2 queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gistack::MessageLogView</name>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to see its frame.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown, newest %2 kept in memory; the database keeps every message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::OnlineUsersModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::OnlineUsersView</name>
    <message numerus="yes">
        <source>%n user(s) online</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s), including those still authenticating</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gistack::PendingCountsModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::PendingRequestsModel</name>
    <message>
        <source>Item id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::PendingView</name>
    <message>
        <source>Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Sending %n decision(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approved %n item(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Rejected %n item(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Some items were not decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) could not be decided:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>gistack::SettingsView</name>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bind address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reminder threshold:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily re-check at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database (SQLite file):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWT secret:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port, bind address and threshold apply at once; open connections stay. A new database, secret or check time restarts the server: browsers reconnect. Command-line options, GISTACK_* variables and --config files override these saved settings at start-up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is not running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bind address must be an IP address, such as 127.0.0.1 or 0.0.0.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWT secret and the API key need at least %1 characters each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved, but the server could not apply them: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied. Listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>gistack::TrayIcon</name>
    <message>
        <source>Show console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>GIStack Notify: %n item(s) waiting for a decision</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
