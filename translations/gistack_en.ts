<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>ConfigLoader</name>
        <message>
            <source>TCP port for WebSocket, HTTP API and health check (default 8080).</source>
            <translation>TCP port for WebSocket, HTTP API and health check (default 8080).</translation>
        </message>
        <message>
            <source>Address to listen on (default 127.0.0.1).</source>
            <translation>Address to listen on (default 127.0.0.1).</translation>
        </message>
        <message>
            <source>SQLite file, or :memory: (default under the user's data folder).</source>
            <translation>SQLite file, or :memory: (default under the user's data folder).</translation>
        </message>
        <message>
            <source>HS256 secret that signs browser tokens (prefer the config file or environment).</source>
            <translation>HS256 secret that signs browser tokens (prefer the config file or environment).</translation>
        </message>
        <message>
            <source>Bearer key of the HTTP API (prefer the config file or environment).</source>
            <translation>Bearer key of the HTTP API (prefer the config file or environment).</translation>
        </message>
        <message>
            <source>Remind of expiries this many days ahead (default 10).</source>
            <translation>Remind of expiries this many days ahead (default 10).</translation>
        </message>
        <message>
            <source>Time of day open connections get the login checks again (default 09:00).</source>
            <translation>Time of day open connections get the login checks again (default 09:00).</translation>
        </message>
        <message>
            <source>INI file with these settings.</source>
            <translation>INI file with these settings.</translation>
        </message>
        <message>
            <source>Load demo orgs, users and data.</source>
            <translation>Load demo orgs, users and data.</translation>
        </message>
        <message>
            <source>Log every connection and message.</source>
            <translation>Log every connection and message.</translation>
        </message>
        <message>
            <source>cannot read config file %1</source>
            <translation>cannot read config file %1</translation>
        </message>
        <message>
            <source>config file %1 is not a valid INI file</source>
            <translation>config file %1 is not a valid INI file</translation>
        </message>
        <message>
            <source>--%1 on the command line is visible to other local users; prefer the config file or %2</source>
            <translation>--%1 on the command line is visible to other local users; prefer the config file or %2</translation>
        </message>
        <message>
            <source>port must be a number from 0 to 65535, not "%1"</source>
            <translation>port must be a number from 0 to 65535, not "%1"</translation>
        </message>
        <message>
            <source>bind must be an IP address, not "%1"</source>
            <translation>bind must be an IP address, not "%1"</translation>
        </message>
        <message>
            <source>threshold-days must be a number from 0 to 3650, not "%1"</source>
            <translation>threshold-days must be a number from 0 to 3650, not "%1"</translation>
        </message>
        <message>
            <source>daily-check-at must be a time HH:mm, not "%1"</source>
            <translation>daily-check-at must be a time HH:mm, not "%1"</translation>
        </message>
    </context>
    <context>
        <name>ConsoleApp</name>
        <message>
            <source>GIStack Notify console: the notification server with a window to watch and run it.
--headless runs exactly what gistack-server runs.</source>
            <translation>GIStack Notify console: the notification server with a window to watch and run it.
--headless runs exactly what gistack-server runs.</translation>
        </message>
        <message>
            <source>Run without a window.</source>
            <translation>Run without a window.</translation>
        </message>
        <message>
            <source>GIStack Notify console</source>
            <translation>GIStack Notify console</translation>
        </message>
    </context>
    <context>
        <name>DisplayNames</name>
        <message>
            <source>Registration</source>
            <translation>Registration</translation>
        </message>
        <message>
            <source>Website apply</source>
            <translation>Website apply</translation>
        </message>
        <message>
            <source>Website renew</source>
            <translation>Website renew</translation>
        </message>
        <message>
            <source>Desktop apply</source>
            <translation>Desktop apply</translation>
        </message>
        <message>
            <source>Desktop renew</source>
            <translation>Desktop renew</translation>
        </message>
        <message>
            <source>System admin</source>
            <translation>System admin</translation>
        </message>
        <message>
            <source>Org admin</source>
            <translation>Org admin</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Site lease</source>
            <translation>Site lease</translation>
        </message>
        <message>
            <source>Desktop lease</source>
            <translation>Desktop lease</translation>
        </message>
        <message>
            <source>delivered</source>
            <translation>delivered</translation>
        </message>
        <message>
            <source>queued</source>
            <translation>queued</translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>All organisations</translation>
        </message>
    </context>
    <context>
        <name>MessageCatalogue</name>
        <message>
            <source>GIStack platform licence expires soon</source>
            <translation>GIStack platform licence expires soon</translation>
        </message>
        <message>
            <source>uploaded ArcGIS licences expire soon</source>
            <translation>uploaded ArcGIS licences expire soon</translation>
        </message>
        <message>
            <source>leased cloud sites expire soon</source>
            <translation>leased cloud sites expire soon</translation>
        </message>
        <message>
            <source>ArcGIS licences of leased sites expire soon</source>
            <translation>ArcGIS licences of leased sites expire soon</translation>
        </message>
        <message>
            <source>leased cloud desktops expire soon</source>
            <translation>leased cloud desktops expire soon</translation>
        </message>
        <message>
            <source>registrations waiting for review</source>
            <translation>registrations waiting for review</translation>
        </message>
        <message>
            <source>cloud site applications waiting for approval</source>
            <translation>cloud site applications waiting for approval</translation>
        </message>
        <message>
            <source>cloud site renewals waiting for approval</source>
            <translation>cloud site renewals waiting for approval</translation>
        </message>
        <message>
            <source>cloud desktop applications waiting for approval</source>
            <translation>cloud desktop applications waiting for approval</translation>
        </message>
        <message>
            <source>cloud desktop renewals waiting for approval</source>
            <translation>cloud desktop renewals waiting for approval</translation>
        </message>
        <message>
            <source>cloud site application approved</source>
            <translation>cloud site application approved</translation>
        </message>
        <message>
            <source>cloud site application rejected</source>
            <translation>cloud site application rejected</translation>
        </message>
        <message>
            <source>cloud site renewal approved</source>
            <translation>cloud site renewal approved</translation>
        </message>
        <message>
            <source>cloud site renewal rejected</source>
            <translation>cloud site renewal rejected</translation>
        </message>
        <message>
            <source>cloud desktop application approved</source>
            <translation>cloud desktop application approved</translation>
        </message>
        <message>
            <source>cloud desktop application rejected</source>
            <translation>cloud desktop application rejected</translation>
        </message>
        <message>
            <source>cloud desktop renewal approved</source>
            <translation>cloud desktop renewal approved</translation>
        </message>
        <message>
            <source>cloud desktop renewal rejected</source>
            <translation>cloud desktop renewal rejected</translation>
        </message>
    </context>
    <context>
        <name>NotifyServer</name>
        <message>
            <source>set a jwt-secret and an api-key of at least 16 characters each (config file, GISTACK_JWT_SECRET / GISTACK_API_KEY, or the options)</source>
            <translation>set a jwt-secret and an api-key of at least 16 characters each (config file, GISTACK_JWT_SECRET / GISTACK_API_KEY, or the options)</translation>
        </message>
        <message>
            <source>could not load demo data: %1</source>
            <translation>could not load demo data: %1</translation>
        </message>
        <message>
            <source>the server is not running</source>
            <translation>the server is not running</translation>
        </message>
    </context>
    <context>
        <name>ServerCommandLine</name>
        <message>
            <source>GIStack Notify: pushes GIStack notifications to browsers over WebSocket.
Commands: (none) serve; token USERID [--ttl SECONDS] print a signed JWT.</source>
            <translation>GIStack Notify: pushes GIStack notifications to browsers over WebSocket.
Commands: (none) serve; token USERID [--ttl SECONDS] print a signed JWT.</translation>
        </message>
        <message>
            <source>Optional: token USERID</source>
            <translation>Optional: token USERID</translation>
        </message>
        <message>
            <source>Token lifetime in seconds (default 86400).</source>
            <translation>Token lifetime in seconds (default 86400).</translation>
        </message>
        <message>
            <source>Run without a window (console only).</source>
            <translation>Run without a window (console only).</translation>
        </message>
        <message>
            <source>usage: token USERID [--ttl SECONDS]</source>
            <translation>usage: token USERID [--ttl SECONDS]</translation>
        </message>
        <message>
            <source>error: --ttl must be a positive number of seconds</source>
            <translation>error: --ttl must be a positive number of seconds</translation>
        </message>
        <message>
            <source>error: no jwt-secret configured (config file, GISTACK_JWT_SECRET or --jwt-secret)</source>
            <translation>error: no jwt-secret configured (config file, GISTACK_JWT_SECRET or --jwt-secret)</translation>
        </message>
        <message>
            <source>GIStack Notify is serving demo data at %1/</source>
            <translation>GIStack Notify is serving demo data at %1/</translation>
        </message>
        <message>
            <source>Tokens last 24 hours. Press Ctrl+C to stop.</source>
            <translation>Tokens last 24 hours. Press Ctrl+C to stop.</translation>
        </message>
        <message>
            <source>error: unknown command "%1" (see --help)</source>
            <translation>error: unknown command "%1" (see --help)</translation>
        </message>
        <message>
            <source>GIStack Notify listening on %1</source>
            <translation>GIStack Notify listening on %1</translation>
        </message>
    </context>
    <context>
        <name>gistack::ArcgisLicenceDialog</name>
        <message>
            <source>Add ArcGIS licence</source>
            <translation>Add ArcGIS licence</translation>
        </message>
        <message>
            <source>Edit ArcGIS licence</source>
            <translation>Edit ArcGIS licence</translation>
        </message>
        <message>
            <source>e.g. test</source>
            <translation>e.g. test</translation>
        </message>
        <message>
            <source>e.g. 10.6.1</source>
            <translation>e.g. 10.6.1</translation>
        </message>
        <message>
            <source>Id:</source>
            <translation>Id:</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>File name:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Expires:</source>
            <translation>Expires:</translation>
        </message>
    </context>
    <context>
        <name>gistack::DashboardView</name>
        <message>
            <source>Organisation:</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <source>Waiting for a decision</source>
            <translation>Waiting for a decision</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>Activity</translation>
        </message>
        <message>
            <source>Online users</source>
            <translation>Online users</translation>
        </message>
        <message>
            <source>Open connections</source>
            <translation>Open connections</translation>
        </message>
        <message>
            <source>Messages sent in the last minute</source>
            <translation>Messages sent in the last minute</translation>
        </message>
        <message>
            <source>Pending by organisation</source>
            <translation>Pending by organisation</translation>
        </message>
    </context>
    <context>
        <name>gistack::DecisionDialog</name>
        <message>
            <source>Approve requests</source>
            <translation>Approve requests</translation>
        </message>
        <message>
            <source>Reject requests</source>
            <translation>Reject requests</translation>
        </message>
        <message numerus="yes">
            <source>Approve %n selected item(s)?</source>
            <translation>
                <numerusform>Approve %n selected item?</numerusform>
                <numerusform>Approve %n selected items?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reject %n selected item(s)?</source>
            <translation>
                <numerusform>Reject %n selected item?</numerusform>
                <numerusform>Reject %n selected items?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
        <message>
            <source>Decide as org admin:</source>
            <translation>Decide as org admin:</translation>
        </message>
        <message>
            <source>Applicants get the result message at once, or at their next login.</source>
            <translation>Applicants get the result message at once, or at their next login.</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>Approve</translation>
        </message>
        <message>
            <source>Reject</source>
            <translation>Reject</translation>
        </message>
    </context>
    <context>
        <name>gistack::GistackLicenceDialog</name>
        <message>
            <source>GIStack licence</source>
            <translation>GIStack licence</translation>
        </message>
        <message>
            <source>The GIStack licence expires:</source>
            <translation>The GIStack licence expires:</translation>
        </message>
    </context>
    <context>
        <name>gistack::LanguageManager</name>
        <message>
            <source>System language</source>
            <translation>System language</translation>
        </message>
    </context>
    <context>
        <name>gistack::LeaseDialog</name>
        <message>
            <source>The site's ArcGIS licence</source>
            <translation>The site's ArcGIS licence</translation>
        </message>
        <message>
            <source>Add lease</source>
            <translation>Add lease</translation>
        </message>
        <message>
            <source>Edit lease</source>
            <translation>Edit lease</translation>
        </message>
        <message>
            <source>File name:</source>
            <translation>File name:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Expires:</source>
            <translation>Expires:</translation>
        </message>
        <message>
            <source>Id:</source>
            <translation>Id:</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>User:</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Kind:</translation>
        </message>
        <message>
            <source>Resource name:</source>
            <translation>Resource name:</translation>
        </message>
    </context>
    <context>
        <name>gistack::LicencesModel</name>
        <message>
            <source>GIStack licence</source>
            <translation>GIStack licence</translation>
        </message>
        <message>
            <source>ArcGIS licence</source>
            <translation>ArcGIS licence</translation>
        </message>
        <message>
            <source>Site's ArcGIS licence</source>
            <translation>Site's ArcGIS licence</translation>
        </message>
        <message numerus="yes">
            <source>expired %n day(s) ago</source>
            <translation>
                <numerusform>expired %n day ago</numerusform>
                <numerusform>expired %n days ago</numerusform>
            </translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Id</source>
            <translation>Id</translation>
        </message>
        <message>
            <source>Resource</source>
            <translation>Resource</translation>
        </message>
        <message>
            <source>Holder</source>
            <translation>Holder</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Expires</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>Days left</translation>
        </message>
    </context>
    <context>
        <name>gistack::LicencesView</name>
        <message>
            <source>Edit…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>GIStack licence…</source>
            <translation>GIStack licence…</translation>
        </message>
        <message>
            <source>Add ArcGIS licence…</source>
            <translation>Add ArcGIS licence…</translation>
        </message>
        <message>
            <source>Add lease…</source>
            <translation>Add lease…</translation>
        </message>
        <message>
            <source>Saved: %1</source>
            <translation>Saved: %1</translation>
        </message>
        <message>
            <source>Not saved: %1</source>
            <translation>Not saved: %1</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>Not saved</translation>
        </message>
        <message>
            <source>%1 was not saved:
%2</source>
            <translation>%1 was not saved:
%2</translation>
        </message>
        <message>
            <source>GIStack licence</source>
            <translation>GIStack licence</translation>
        </message>
        <message>
            <source>Remove %1?</source>
            <translation>Remove %1?</translation>
        </message>
        <message numerus="yes">
            <source>Highlighted: expires within %n day(s) (the reminder threshold) or has expired.</source>
            <translation>
                <numerusform>Highlighted: expires within %n day (the reminder threshold) or has expired.</numerusform>
                <numerusform>Highlighted: expires within %n days (the reminder threshold) or has expired.</numerusform>
            </translation>
        </message>
        <message>
            <source>Highlighted now: %1</source>
            <translation>Highlighted now: %1</translation>
        </message>
    </context>
    <context>
        <name>gistack::MainWindow</name>
        <message>
            <source>GIStack Notify console</source>
            <translation>GIStack Notify console</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Pending (%1)</source>
            <translation>Pending (%1)</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>Messages</translation>
        </message>
        <message>
            <source>Online users</source>
            <translation>Online users</translation>
        </message>
        <message>
            <source>Licences (%1)</source>
            <translation>Licences (%1)</translation>
        </message>
        <message>
            <source>Licences</source>
            <translation>Licences</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>Settings</translation>
        </message>
        <message>
            <source>Running · listening on %1 · database %2</source>
            <translation>Running · listening on %1 · database %2</translation>
        </message>
        <message>
            <source>Stopped · %1</source>
            <translation>Stopped · %1</translation>
        </message>
        <message>
            <source>Stopped</source>
            <translation>Stopped</translation>
        </message>
        <message numerus="yes">
            <source>%n online</source>
            <translation>
                <numerusform>%n online</numerusform>
                <numerusform>%n online</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n connection(s)</source>
            <translation>
                <numerusform>%n connection</numerusform>
                <numerusform>%n connections</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::MessageLogModel</name>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Recipients</source>
            <translation>Recipients</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Message</translation>
        </message>
        <message>
            <source>%1 delivered, %2 queued</source>
            <translation>%1 delivered, %2 queued</translation>
        </message>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> and %n more</numerusform>
                <numerusform> and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::MessageLogView</name>
        <message>
            <source>All types</source>
            <translation>All types</translation>
        </message>
        <message>
            <source>user id</source>
            <translation>user id</translation>
        </message>
        <message>
            <source>Select a message to see its frame.</source>
            <translation>Select a message to see its frame.</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Type:</translation>
        </message>
        <message>
            <source>User:</source>
            <translation>User:</translation>
        </message>
        <message>
            <source>%1 shown, newest %2 kept in memory; the database keeps every message</source>
            <translation>%1 shown, newest %2 kept in memory; the database keeps every message</translation>
        </message>
    </context>
    <context>
        <name>gistack::OnlineUsersModel</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>User</source>
            <translation>User</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Connections</source>
            <translation>Connections</translation>
        </message>
        <message>
            <source>Online since</source>
            <translation>Online since</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
    </context>
    <context>
        <name>gistack::OnlineUsersView</name>
        <message numerus="yes">
            <source>%n user(s) online</source>
            <translation>
                <numerusform>%n user online</numerusform>
                <numerusform>%n users online</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n open connection(s), including those still authenticating</source>
            <translation>
                <numerusform>%n open connection, including those still authenticating</numerusform>
                <numerusform>%n open connections, including those still authenticating</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::PendingCountsModel</name>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>Total</translation>
        </message>
    </context>
    <context>
        <name>gistack::PendingRequestsModel</name>
        <message>
            <source>Item id: %1</source>
            <translation>Item id: %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>new account</source>
            <translation>new account</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>Who</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>Organisation</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Resource</source>
            <translation>Resource</translation>
        </message>
        <message>
            <source>Submitted at</source>
            <translation>Submitted at</translation>
        </message>
    </context>
    <context>
        <name>gistack::PendingView</name>
        <message>
            <source>Approve…</source>
            <translation>Approve…</translation>
        </message>
        <message>
            <source>Reject…</source>
            <translation>Reject…</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>Organisation:</source>
            <translation>Organisation:</translation>
        </message>
        <message>
            <source>Kind:</source>
            <translation>Kind:</translation>
        </message>
        <message numerus="yes">
            <source>Sending %n decision(s)…</source>
            <translation>
                <numerusform>Sending %n decision…</numerusform>
                <numerusform>Sending %n decisions…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Approved %n item(s).</source>
            <translation>
                <numerusform>Approved %n item.</numerusform>
                <numerusform>Approved %n items.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Rejected %n item(s).</source>
            <translation>
                <numerusform>Rejected %n item.</numerusform>
                <numerusform>Rejected %n items.</numerusform>
            </translation>
        </message>
        <message>
            <source>Some items were not decided</source>
            <translation>Some items were not decided</translation>
        </message>
        <message numerus="yes">
            <source>%n item(s) could not be decided:</source>
            <translation>
                <numerusform>%n item could not be decided:</numerusform>
                <numerusform>%n items could not be decided:</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>gistack::SettingsView</name>
        <message>
            <source>Apply</source>
            <translation>Apply</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>Browse…</translation>
        </message>
        <message>
            <source>Port:</source>
            <translation>Port:</translation>
        </message>
        <message>
            <source>Bind address:</source>
            <translation>Bind address:</translation>
        </message>
        <message>
            <source>Reminder threshold:</source>
            <translation>Reminder threshold:</translation>
        </message>
        <message>
            <source>Daily re-check at:</source>
            <translation>Daily re-check at:</translation>
        </message>
        <message>
            <source>Database (SQLite file):</source>
            <translation>Database (SQLite file):</translation>
        </message>
        <message>
            <source>JWT secret:</source>
            <translation>JWT secret:</translation>
        </message>
        <message>
            <source>API key:</source>
            <translation>API key:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>Port, bind address and threshold apply at once; open connections stay. A new database, secret or check time restarts the server: browsers reconnect. Command-line options, GISTACK_* variables and --config files override these saved settings at start-up.</source>
            <translation>Port, bind address and threshold apply at once; open connections stay. A new database, secret or check time restarts the server: browsers reconnect. Command-line options, GISTACK_* variables and --config files override these saved settings at start-up.</translation>
        </message>
        <message>
            <source>Database file</source>
            <translation>Database file</translation>
        </message>
        <message>
            <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
            <translation>SQLite databases (*.db *.sqlite);;All files (*)</translation>
        </message>
        <message>
            <source>The server is not running: %1</source>
            <translation>The server is not running: %1</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>Show</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>Generate</translation>
        </message>
        <message>
            <source>The bind address must be an IP address, such as 127.0.0.1 or 0.0.0.0.</source>
            <translation>The bind address must be an IP address, such as 127.0.0.1 or 0.0.0.0.</translation>
        </message>
        <message>
            <source>The JWT secret and the API key need at least %1 characters each.</source>
            <translation>The JWT secret and the API key need at least %1 characters each.</translation>
        </message>
        <message>
            <source>Saved, but the server could not apply them: %1</source>
            <translation>Saved, but the server could not apply them: %1</translation>
        </message>
        <message>
            <source>Applied. Listening on %1</source>
            <translation>Applied. Listening on %1</translation>
        </message>
    </context>
    <context>
        <name>gistack::TrayIcon</name>
        <message>
            <source>Show console</source>
            <translation>Show console</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>Quit</translation>
        </message>
        <message numerus="yes">
            <source>GIStack Notify: %n item(s) waiting for a decision</source>
            <translation>
                <numerusform>GIStack Notify: %n item waiting for a decision</numerusform>
                <numerusform>GIStack Notify: %n items waiting for a decision</numerusform>
            </translation>
        </message>
    </context>
</TS>
