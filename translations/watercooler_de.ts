<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity per week</source>
        <translation>Aktivität pro Woche</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Aktive Mitglieder</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <source>Add Feed</source>
        <translation>Feed hinzufügen</translation>
    </message>
    <message>
        <source>https://example.org/feed.xml</source>
        <translation>https://example.org/feed.xml</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>Kein Ordner</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items</source>
        <translation>Auch die Kommentare zu seinen Einträgen abrufen</translation>
    </message>
    <message>
        <source>The feed is fetched with the next sync.</source>
        <translation>Der Feed wird bei der nächsten Synchronisierung abgerufen.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Enter the address of the feed (http or https).</source>
        <translation>Geben Sie die Adresse des Feeds ein (http oder https).</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Evidence: %1</source>
        <translation>Belege: %1</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Kompetenz</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2. See --help.</source>
        <translation>Unbekannter Befehl „%1“. Befehle: %2. Siehe --help.</translation>
    </message>
    <message>
        <source>Open the community database at PATH (an SQLite file) or a postgresql:// URL.</source>
        <translation>Öffnet die Community-Datenbank unter PFAD (eine SQLite-Datei) oder unter einer postgresql://-URL.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <source>Watercooler shows who talks with whom in your community, about what and how often.
Without a command it opens the main window.</source>
        <translation>Watercooler zeigt, wer in Ihrer Community mit wem spricht, worüber und wie oft.
Ohne Befehl wird das Hauptfenster geöffnet.</translation>
    </message>
    <message>
        <source>Optional command: %1.</source>
        <translation>Optionaler Befehl: %1.</translation>
    </message>
    <message>
        <source>Fill the database with a generated sample community.</source>
        <translation>Füllt die Datenbank mit einer generierten Beispiel-Community.</translation>
    </message>
    <message>
        <source>Number of members (default 60).</source>
        <translation>Anzahl der Mitglieder (Standard: 60).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of discussions (default 40, or posts/10 for large communities).</source>
        <translation>Anzahl der Diskussionen (Standard: 40, bei großen Communitys Beiträge/10).</translation>
    </message>
    <message>
        <source>Number of posts (default 400).</source>
        <translation>Anzahl der Beiträge (Standard: 400).</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same community.</source>
        <translation>Startwert für den Zufallsgenerator; derselbe Startwert ergibt dieselbe Community.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation>Gibt die Zusammenfassung als JSON aus.</translation>
    </message>
    <message>
        <source>Generate a sample community.</source>
        <translation>Erzeugt eine Beispiel-Community.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--members needs a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--members erwartet eine ganze Zahl größer als 0, nicht „%1“.</translation>
    </message>
    <message>
        <source>--posts needs a whole number, not &quot;%1&quot;.</source>
        <translation>--posts erwartet eine ganze Zahl, nicht „%1“.</translation>
    </message>
    <message>
        <source>--discussions needs a whole number, not &quot;%1&quot;.</source>
        <translation>--discussions erwartet eine ganze Zahl, nicht „%1“.</translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed erwartet eine ganze Zahl, nicht „%1“.</translation>
    </message>
    <message>
        <source>Created a sample community in %1:</source>
        <translation>Beispiel-Community in %1 erstellt:</translation>
    </message>
    <message numerus="yes">
        <source>  %n member(s)</source>
        <translation>
            <numerusform>  %n Mitglied</numerusform>
            <numerusform>  %n Mitglieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n discussion(s)</source>
        <translation>
            <numerusform>  %n Diskussion</numerusform>
            <numerusform>  %n Diskussionen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n post(s) with %1 mention(s)</source>
        <translation>
            <numerusform>  %n Beitrag mit %1 Erwähnung(en)</numerusform>
            <numerusform>  %n Beiträge mit %1 Erwähnung(en)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n feed(s) with %1 item(s)</source>
        <translation>
            <numerusform>  %n Feed mit %1 Eintrag/Einträgen</numerusform>
            <numerusform>  %n Feeds mit %1 Eintrag/Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n maturity assessment(s)</source>
        <translation>
            <numerusform>  %n Reifegradbewertung</numerusform>
            <numerusform>  %n Reifegradbewertungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Working... %1%</source>
        <translation>Wird bearbeitet... %1 %</translation>
    </message>
    <message>
        <source>Copy the whole community into another database, an SQLite file or a PostgreSQL server.</source>
        <translation>Die ganze Community in eine andere Datenbank kopieren, eine SQLite-Datei oder einen PostgreSQL-Server.</translation>
    </message>
    <message>
        <source>The database to copy to: an SQLite file or a postgresql:// URL.</source>
        <translation>Die Zieldatenbank: eine SQLite-Datei oder eine postgresql://-URL.</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>ZIEL</translation>
    </message>
    <message>
        <source>Delete what the target holds first, instead of refusing a target that is not empty.</source>
        <translation>Zuerst löschen, was das Ziel enthält, statt ein nicht leeres Ziel abzulehnen.</translation>
    </message>
    <message>
        <source>Database commands.</source>
        <translation>Befehle für die Datenbank.</translation>
    </message>
    <message>
        <source>Copy the community to --to.</source>
        <translation>Die Community nach --to kopieren.</translation>
    </message>
    <message>
        <source>db copy needs --to TARGET: an SQLite file or a postgresql:// URL.</source>
        <translation>db copy braucht --to ZIEL: eine SQLite-Datei oder eine postgresql://-URL.</translation>
    </message>
    <message>
        <source>%1 is not empty; use --replace to overwrite it.</source>
        <translation>%1 ist nicht leer; verwenden Sie --replace, um es zu überschreiben.</translation>
    </message>
    <message>
        <source>Copied %1 to %2:</source>
        <translation>%1 nach %2 kopiert:</translation>
    </message>
    <message numerus="yes">
        <source>  Total: %n row(s)</source>
        <translation>
            <numerusform>  Insgesamt: %n Zeile</numerusform>
            <numerusform>  Insgesamt: %n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: %1 [--database PATH] db copy --to TARGET [--replace] [--json]</source>
        <translation>Aufruf: %1 [--database PFAD] db copy --to ZIEL [--replace] [--json]</translation>
    </message>
    <message>
        <source>Database commands: copy. See db copy --help.</source>
        <translation>Datenbankbefehle: copy. Siehe db copy --help.</translation>
    </message>
    <message>
        <source>db needs a command: copy. See db --help.</source>
        <translation>db braucht einen Befehl: copy. Siehe db --help.</translation>
    </message>
    <message>
        <source>Unknown db command &quot;%1&quot;. Commands: copy. See db --help.</source>
        <translation>Unbekannter db-Befehl „%1“. Befehle: copy. Siehe db --help.</translation>
    </message>
    <message>
        <source>Subscribe to a feed. Nothing is fetched until the next sync.</source>
        <translation>Einen Feed abonnieren. Abgerufen wird erst bei der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Put the feed in this folder (&quot;A/B&quot; nests).</source>
        <translation>Den Feed in diesen Ordner legen („A/B“ verschachtelt).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items.</source>
        <translation>Auch die Kommentare zu seinen Einträgen abrufen.</translation>
    </message>
    <message>
        <source>The feed&apos;s address.</source>
        <translation>Die Adresse des Feeds.</translation>
    </message>
    <message>
        <source>feeds add needs the feed&apos;s URL.</source>
        <translation>feeds add braucht die URL des Feeds.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a feed address (http, https or file).</source>
        <translation>„%1“ ist keine Feed-Adresse (http, https oder file).</translation>
    </message>
    <message>
        <source>List the feed subscriptions.</source>
        <translation>Die Feed-Abonnements auflisten.</translation>
    </message>
    <message>
        <source>Print them as JSON.</source>
        <translation>Als JSON ausgeben.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>End a feed subscription. What it brought in stays.</source>
        <translation>Ein Feed-Abonnement beenden. Was es gebracht hat, bleibt erhalten.</translation>
    </message>
    <message>
        <source>The feed&apos;s id (see feeds list).</source>
        <translation>Die Nummer des Feeds (siehe feeds list).</translation>
    </message>
    <message>
        <source>feeds remove needs a feed id (see feeds list).</source>
        <translation>feeds remove braucht die Nummer eines Feeds (siehe feeds list).</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Es gibt keinen Feed %1.</translation>
    </message>
    <message>
        <source>Removed feed %1.</source>
        <translation>Feed %1 entfernt.</translation>
    </message>
    <message>
        <source>Subscribe to every feed of an OPML file (folders kept).</source>
        <translation>Alle Feeds einer OPML-Datei abonnieren (Ordner bleiben erhalten).</translation>
    </message>
    <message>
        <source>The OPML file.</source>
        <translation>Die OPML-Datei.</translation>
    </message>
    <message>
        <source>feeds import-opml needs the OPML file.</source>
        <translation>feeds import-opml braucht die OPML-Datei.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>%n Feed hinzugefügt.</numerusform>
            <numerusform>%n Feeds hinzugefügt.</numerusform>
        </translation>
    </message>
    <message>
        <source>  already followed: %1</source>
        <translation>  bereits abonniert: %1</translation>
    </message>
    <message>
        <source>  not a feed address, skipped: %1</source>
        <translation>  keine Feed-Adresse, übersprungen: %1</translation>
    </message>
    <message>
        <source>  listed twice, added once: %1</source>
        <translation>  doppelt aufgeführt, einmal hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Write every subscription, in its folders, to an OPML file.</source>
        <translation>Alle Abonnements mit ihren Ordnern in eine OPML-Datei schreiben.</translation>
    </message>
    <message>
        <source>The OPML file to write.</source>
        <translation>Die zu schreibende OPML-Datei.</translation>
    </message>
    <message>
        <source>feeds export-opml needs the file to write.</source>
        <translation>feeds export-opml braucht die zu schreibende Datei.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 geschrieben.</translation>
    </message>
    <message>
        <source>Print it as JSON.</source>
        <translation>Als JSON ausgeben.</translation>
    </message>
    <message>
        <source>%1 is larger than a feed may be.</source>
        <translation>%1 ist größer, als ein Feed sein darf.</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format: %1</translation>
    </message>
    <message>
        <source>not a feed</source>
        <translation>kein Feed</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Titel: %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Link: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Error at %1:%2: %3</source>
        <translation>Fehler bei %1:%2: %3</translation>
    </message>
    <message>
        <source>%1 is not a feed.</source>
        <translation>%1 ist kein Feed.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] feeds add|list|remove|import-opml|export-opml|parse ...
See feeds COMMAND --help.</source>
        <translation>Aufruf: watercooler [--database PFAD] feeds add|list|remove|import-opml|export-opml|parse ...
Siehe feeds BEFEHL --help.</translation>
    </message>
    <message>
        <source>Unknown feeds command &quot;%1&quot;. Commands: add, list, remove, import-opml, export-opml, parse.</source>
        <translation>Unbekannter feeds-Befehl „%1“. Befehle: add, list, remove, import-opml, export-opml, parse.</translation>
    </message>
    <message numerus="yes">
        <source>new: %n item(s)</source>
        <translation>
            <numerusform>neu: %n Eintrag</numerusform>
            <numerusform>neu: %n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>updated</source>
        <translation>aktualisiert</translation>
    </message>
    <message>
        <source>not modified</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <source>moved to %1</source>
        <translation>umgezogen nach %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <source>Fetch the feeds that are due (or those given) and store what they bring.</source>
        <translation>Ruft die fälligen (oder die angegebenen) Feeds ab und speichert, was sie bringen.</translation>
    </message>
    <message>
        <source>Sync this feed (see feeds list); repeatable.</source>
        <translation>Diesen Feed synchronisieren (siehe feeds list); wiederholbar.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Fetch feeds once.</source>
        <translation>Feeds einmal abrufen.</translation>
    </message>
    <message>
        <source>--feed needs a feed id (see feeds list), not &quot;%1&quot;.</source>
        <translation>--feed braucht eine Feed-ID (siehe feeds list), nicht „%1“.</translation>
    </message>
    <message>
        <source>Show a feed file or address exactly as Watercooler reads it; nothing is stored.</source>
        <translation>Eine Feed-Datei oder -Adresse genau so zeigen, wie Watercooler sie liest; nichts wird gespeichert.</translation>
    </message>
    <message>
        <source>The feed file, or its http(s) address.</source>
        <translation>Die Feed-Datei oder ihre http(s)-Adresse.</translation>
    </message>
    <message>
        <source>feeds parse needs a feed file or address.</source>
        <translation>feeds parse braucht eine Feed-Datei oder -Adresse.</translation>
    </message>
</context>
<context>
    <name>CommunityCopyTask</name>
    <message>
        <source>Replacing the community in %1...</source>
        <translation>Die Community in %1 wird ersetzt...</translation>
    </message>
    <message>
        <source>Copying the community to %1...</source>
        <translation>Die Community wird nach %1 kopiert...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copy Community</source>
        <translation>Community kopieren</translation>
    </message>
    <message>
        <source>Replace Community?</source>
        <translation>Community ersetzen?</translation>
    </message>
    <message>
        <source>%1 already holds a community. Replace everything in it with a copy of this one? What it holds now is deleted.</source>
        <translation>%1 enthält bereits eine Community. Möchten Sie alles darin durch eine Kopie dieser Community ersetzen? Der jetzige Inhalt wird gelöscht.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
</context>
<context>
    <name>ConcurrentChangeError</name>
    <message>
        <source>Someone else deleted this member while you were editing.</source>
        <translation>Jemand anderes hat dieses Mitglied gelöscht, während Sie es bearbeitet haben.</translation>
    </message>
    <message>
        <source>Someone else changed this member while you were editing. Reload to see their changes; your text stays here.</source>
        <translation>Jemand anderes hat dieses Mitglied geändert, während Sie es bearbeitet haben. Laden Sie neu, um die Änderungen zu sehen; Ihr Text bleibt hier stehen.</translation>
    </message>
</context>
<context>
    <name>ConnectDatabaseDialog</name>
    <message>
        <source>Connect to Team Database</source>
        <translation>Mit Team-Datenbank verbinden</translation>
    </message>
    <message>
        <source>Open a community database that your team shares on a PostgreSQL server.</source>
        <translation>Öffnen Sie eine Community-Datenbank, die Ihr Team auf einem PostgreSQL-Server teilt.</translation>
    </message>
    <message>
        <source>e.g. community</source>
        <translation>z. B. community</translation>
    </message>
    <message>
        <source>Empty: PGPASSWORD or ~/.pgpass</source>
        <translation>Leer: PGPASSWORD oder ~/.pgpass</translation>
    </message>
    <message>
        <source>prefer: encrypt when the server offers it; require: always encrypt; verify-ca and verify-full: also check the server&apos;s certificate.</source>
        <translation>prefer: verschlüsseln, wenn der Server es anbietet; require: immer verschlüsseln; verify-ca und verify-full: zusätzlich das Zertifikat des Servers prüfen.</translation>
    </message>
    <message>
        <source>Remember password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <source>Asking the system keychain...</source>
        <translation>Der Schlüsselbund des Systems wird abgefragt...</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Benutzer:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>&amp;SSL-Modus:</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Testen</translation>
    </message>
    <message>
        <source>Try to connect without opening the database</source>
        <translation>Die Verbindung testen, ohne die Datenbank zu öffnen</translation>
    </message>
    <message>
        <source>No system keychain is running (%1). Watercooler asks for the password each session and never stores it anywhere else.</source>
        <translation>Es läuft kein Schlüsselbund des Systems (%1). Watercooler fragt in jeder Sitzung nach dem Passwort und speichert es nirgendwo sonst.</translation>
    </message>
    <message>
        <source>The system keychain refused: %1</source>
        <translation>Der Schlüsselbund des Systems hat abgelehnt: %1</translation>
    </message>
    <message>
        <source>Keeps the password in your desktop&apos;s keychain, not in Watercooler&apos;s settings.</source>
        <translation>Bewahrt das Passwort im Schlüsselbund Ihres Desktops auf, nicht in den Einstellungen von Watercooler.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Verbindung zu %1 wird hergestellt...</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1</source>
        <translation>Verbunden: PostgreSQL %1</translation>
    </message>
    <message>
        <source>The server asks for a password: %1</source>
        <translation>Der Server verlangt ein Passwort: %1</translation>
    </message>
</context>
<context>
    <name>ConnectionLostError</name>
    <message>
        <source>Cannot reach %1 again: %2</source>
        <translation>%1 ist weiterhin nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing was saved by the last step; reconnect to go on.</source>
        <translation>Die Verbindung zum Datenbankserver ist abgebrochen. Der letzte Schritt wurde nicht gespeichert; verbinden Sie sich neu, um fortzufahren.</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>The server did not answer.</source>
        <translation>Der Server hat nicht geantwortet.</translation>
    </message>
</context>
<context>
    <name>CopyCommunityDialog</name>
    <message>
        <source>Copy Community To</source>
        <translation>Community kopieren nach</translation>
    </message>
    <message>
        <source>Copy every member, discussion, feed and assessment of %1 into another database. The copy keeps every id, so links between them stay intact.</source>
        <translation>Kopiert alle Mitglieder, Diskussionen, Feeds und Bewertungen von %1 in eine andere Datenbank. Die Kopie behält alle IDs, sodass die Verknüpfungen zwischen ihnen erhalten bleiben.</translation>
    </message>
    <message>
        <source>An SQLite &amp;file</source>
        <translation>Eine SQLite-&amp;Datei</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>z.&#xa0;B. %1</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>A &amp;PostgreSQL server</source>
        <translation>Ein &amp;PostgreSQL-Server</translation>
    </message>
    <message>
        <source>postgresql://user:password@host:5432/database</source>
        <translation>postgresql://benutzer:passwort@server:5432/datenbank</translation>
    </message>
    <message>
        <source>The database must exist on the server; Watercooler creates its tables.</source>
        <translation>Die Datenbank muss auf dem Server bereits existieren; Watercooler legt ihre Tabellen an.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite *.db)</source>
        <translation>Watercooler-Datenbanken (*.sqlite *.db)</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>Der Schlüsselbund des Systems hat nicht rechtzeitig geantwortet.</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Active in the last 30 days</source>
        <translation>Aktiv in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>Posts in the last 30 days</source>
        <translation>Beiträge in den letzten 30 Tagen</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Diskussionen</translation>
    </message>
    <message>
        <source>Response rate (30 days)</source>
        <translation>Antwortquote (30 Tage)</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>Top contributors (90 days)</source>
        <translation>Aktivste Mitglieder (90 Tage)</translation>
    </message>
    <message>
        <source>Nothing to measure yet</source>
        <translation>Noch nichts zu messen</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript, and your community&apos;s activity shows up here.</source>
        <translation>Fügen Sie einen Feed hinzu oder importieren Sie ein Transkript, dann erscheint hier die Aktivität Ihrer Community.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>The dashboard figures could not be read from the database.</source>
        <translation>Die Kennzahlen der Übersicht konnten nicht aus der Datenbank gelesen werden.</translation>
    </message>
    <message numerus="yes">
        <source>%n new in 30 days</source>
        <translation>
            <numerusform>%n neu in 30 Tagen</numerusform>
            <numerusform>%n neu in 30 Tagen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of all members</source>
        <translation>%1 % aller Mitglieder</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 insgesamt</translation>
    </message>
    <message numerus="yes">
        <source>%n without a reply (30 days)</source>
        <translation>
            <numerusform>%n ohne Antwort (30 Tage)</numerusform>
            <numerusform>%n ohne Antwort (30 Tage)</numerusform>
        </translation>
    </message>
    <message>
        <source>of new discussions got a reply</source>
        <translation>der neuen Diskussionen erhielten eine Antwort</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n post(s)</source>
        <translation>
            <numerusform>%1 — %n Beitrag</numerusform>
            <numerusform>%1 — %n Beiträge</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No database file was given.</source>
        <translation>Es wurde keine Datenbankdatei angegeben.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 ist ein Ordner, keine Datenbankdatei.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 does not exist.</source>
        <translation>%1 kann nicht erstellt werden: Der Ordner %2 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 is not writable.</source>
        <translation>%1 kann nicht erstellt werden: Der Ordner %2 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>%1 kann nicht gelesen werden: Zugriff verweigert.</translation>
    </message>
    <message>
        <source>%1 is read-only: Watercooler needs to write to its database.</source>
        <translation>%1 ist schreibgeschützt: Watercooler muss in seine Datenbank schreiben können.</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database.</source>
        <translation>%1 ist keine Watercooler-Datenbank.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Watercooler (schema %2; this version reads up to %3). Update Watercooler to open it.</source>
        <translation>%1 wurde mit einer neueren Version von Watercooler gespeichert (Schema %2; diese Version liest bis Schema %3). Aktualisieren Sie Watercooler, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database (%2).</source>
        <translation>%1 ist keine Watercooler-Datenbank (%2).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 needs an upgrade (schema %2 to %3), which this role may not do; ask the database owner to open it once with Watercooler.</source>
        <translation>%1 muss aktualisiert werden (Schema %2 auf %3), was diese Rolle nicht darf; bitten Sie den Eigentümer der Datenbank, sie einmal mit Watercooler zu öffnen.</translation>
    </message>
</context>
<context>
    <name>DatabaseCopier</name>
    <message>
        <source>Cannot copy %1 onto itself: choose another database as the target.</source>
        <translation>%1 kann nicht auf sich selbst kopiert werden: Wählen Sie eine andere Datenbank als Ziel.</translation>
    </message>
    <message>
        <source>%1 has schema version %2 but the source has %3.</source>
        <translation>%1 hat die Schemaversion %2, die Quelle aber %3.</translation>
    </message>
    <message>
        <source>%1 holds tables this version of Watercooler cannot copy: %2.</source>
        <translation>%1 enthält Tabellen, die diese Version von Watercooler nicht kopieren kann: %2.</translation>
    </message>
    <message>
        <source>%1 has no table %2.</source>
        <translation>%1 hat keine Tabelle %2.</translation>
    </message>
    <message>
        <source>Cannot copy the table %1: it has no primary key.</source>
        <translation>Die Tabelle %1 kann nicht kopiert werden: Sie hat keinen Primärschlüssel.</translation>
    </message>
    <message>
        <source>%1 is not empty: it already holds a community.</source>
        <translation>%1 ist nicht leer: Dort liegt bereits eine Community.</translation>
    </message>
</context>
<context>
    <name>DiscussionsModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Last post</source>
        <translation>Letzter Beitrag</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Teilnehmer</translation>
    </message>
</context>
<context>
    <name>DiscussionsPane</name>
    <message>
        <source>Filter discussions by title</source>
        <translation>Diskussionen nach Titel filtern</translation>
    </message>
    <message>
        <source>Select a post to read it.</source>
        <translation>Wählen Sie einen Beitrag aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>No discussions yet</source>
        <translation>Noch keine Diskussionen</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript to bring your community&apos;s conversations in.</source>
        <translation>Fügen Sie einen Feed hinzu oder importieren Sie ein Transkript, um die Gespräche Ihrer Community einzubinden.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
</context>
<context>
    <name>FeedFetcher</name>
    <message>
        <source>The feed at %1 is larger than the limit of %2 MB.</source>
        <translation>Der Feed unter %1 ist größer als die Grenze von %2 MB.</translation>
    </message>
    <message>
        <source>%1 redirects to an address that is not a web address: %2</source>
        <translation>%1 leitet auf eine Adresse um, die keine Webadresse ist: %2</translation>
    </message>
    <message>
        <source>%1 redirects in a loop.</source>
        <translation>%1 leitet im Kreis um.</translation>
    </message>
    <message>
        <source>%1 redirects more than %2 times.</source>
        <translation>%1 leitet mehr als %2-mal um.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Der Server %1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
    </message>
    <message>
        <source>The connection to %1 closed before the feed was complete.</source>
        <translation>Die Verbindung zu %1 wurde geschlossen, bevor der Feed vollständig war.</translation>
    </message>
    <message>
        <source>The feed at %1 could not be read completely: %2</source>
        <translation>Der Feed unter %1 konnte nicht vollständig gelesen werden: %2</translation>
    </message>
    <message>
        <source>The feed at %1 is gone for good (HTTP 410).</source>
        <translation>Der Feed unter %1 existiert nicht mehr (HTTP 410).</translation>
    </message>
    <message>
        <source>The feed at %1 was not found (HTTP 404).</source>
        <translation>Der Feed unter %1 wurde nicht gefunden (HTTP 404).</translation>
    </message>
    <message>
        <source>The server at %1 refused access to the feed (HTTP %2).</source>
        <translation>Der Server %1 hat den Zugriff auf den Feed verweigert (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 asks to wait before fetching again (HTTP %2).</source>
        <translation>Der Server %1 bittet, vor dem nächsten Abruf zu warten (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 had an internal error (HTTP %2).</source>
        <translation>Beim Server %1 ist ein interner Fehler aufgetreten (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 answered with HTTP status %2.</source>
        <translation>Der Server %1 hat mit dem HTTP-Status %2 geantwortet.</translation>
    </message>
    <message>
        <source>The server at %1 refused the connection.</source>
        <translation>Der Server %1 hat die Verbindung abgelehnt.</translation>
    </message>
    <message>
        <source>The host %1 was not found.</source>
        <translation>Der Host %1 wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>Could not fetch the feed at %1: %2</source>
        <translation>Der Feed unter %1 konnte nicht abgerufen werden: %2</translation>
    </message>
    <message>
        <source>The feed at %1 was sent compressed (%2), but the compressed data is damaged.</source>
        <translation>Der Feed unter %1 wurde komprimiert (%2) gesendet, aber die komprimierten Daten sind beschädigt.</translation>
    </message>
</context>
<context>
    <name>FeedItemsModel</name>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
</context>
<context>
    <name>FeedParser</name>
    <message>
        <source>The document has no root element.</source>
        <translation>Das Dokument hat kein Wurzelelement.</translation>
    </message>
    <message>
        <source>The document is not a feed: its root element is &lt;%1&gt;.</source>
        <translation>Das Dokument ist kein Feed: Sein Wurzelelement ist &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>The JSON document is not a JSON Feed.</source>
        <translation>Das JSON-Dokument ist kein JSON Feed.</translation>
    </message>
    <message>
        <source>The document is %1 MB, more than the %2 MB a feed may have.</source>
        <translation>Das Dokument ist %1 MB groß, mehr als die %2 MB, die ein Feed haben darf.</translation>
    </message>
    <message>
        <source>The document is not XML or JSON.</source>
        <translation>Das Dokument ist weder XML noch JSON.</translation>
    </message>
</context>
<context>
    <name>FeedRepository</name>
    <message>
        <source>You already follow %1.</source>
        <translation>Sie folgen %1 bereits.</translation>
    </message>
</context>
<context>
    <name>FeedSync</name>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Der Server antwortete mit HTTP-Status %1.</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Es gibt keinen Feed %1.</translation>
    </message>
    <message>
        <source>The document is not a feed (RSS, Atom or JSON Feed).</source>
        <translation>Das Dokument ist kein Feed (RSS, Atom oder JSON Feed).</translation>
    </message>
    <message>
        <source>The feed is broken at line %1, column %2: %3</source>
        <translation>Der Feed ist in Zeile %1, Spalte %2 fehlerhaft: %3</translation>
    </message>
    <message>
        <source>The server sent %1, not a feed (RSS, Atom or JSON Feed).</source>
        <translation>Der Server hat %1 gesendet, keinen Feed (RSS, Atom oder JSON Feed).</translation>
    </message>
</context>
<context>
    <name>FeedsModel</name>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last fetched: %1</source>
        <translation>Zuletzt abgerufen: %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>HTTP-Status: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Moved from %1</source>
        <translation>Umgezogen von %1</translation>
    </message>
    <message>
        <source>Next fetch: %1</source>
        <translation>Nächster Abruf: %1</translation>
    </message>
    <message>
        <source>The feed is gone for good; it is no longer fetched.</source>
        <translation>Der Feed ist dauerhaft verschwunden; er wird nicht mehr abgerufen.</translation>
    </message>
    <message>
        <source>Paused: not fetched.</source>
        <translation>Pausiert: wird nicht abgerufen.</translation>
    </message>
    <message>
        <source>All Items (%1)</source>
        <translation>Alle Einträge (%1)</translation>
    </message>
    <message>
        <source>All Items</source>
        <translation>Alle Einträge</translation>
    </message>
</context>
<context>
    <name>FeedsPane</name>
    <message>
        <source>Select an item to read it.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn zu lesen.</translation>
    </message>
    <message>
        <source>No feeds yet</source>
        <translation>Noch keine Feeds</translation>
    </message>
    <message>
        <source>Add a feed to follow your community&apos;s blogs, forums and podcasts.</source>
        <translation>Fügen Sie einen Feed hinzu, um den Blogs, Foren und Podcasts Ihrer Community zu folgen.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>Open the original</source>
        <translation>Original öffnen</translation>
    </message>
    <message>
        <source>Add Feed...</source>
        <translation>Feed hinzufügen...</translation>
    </message>
    <message>
        <source>Import OPML...</source>
        <translation>OPML importieren...</translation>
    </message>
    <message>
        <source>Export OPML...</source>
        <translation>OPML exportieren...</translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation>OPML importieren</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>OPML-Dateien (*.opml *.xml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>%n Feed hinzugefügt.</numerusform>
            <numerusform>%n Feeds hinzugefügt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) you already follow were skipped.</source>
        <translation>
            <numerusform>%n bereits abonnierter Feed wurde übersprungen.</numerusform>
            <numerusform>%n bereits abonnierte Feeds wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) without a web address were skipped.</source>
        <translation>
            <numerusform>%n Eintrag ohne Webadresse wurde übersprungen.</numerusform>
            <numerusform>%n Einträge ohne Webadresse wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export OPML</source>
        <translation>OPML exportieren</translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation>OPML-Dateien (*.opml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Syncing...</source>
        <translation>Wird synchronisiert...</translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation>Synchronisierung abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n neuer Eintrag</numerusform>
            <numerusform>%n neue Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) failed; see their tooltips</source>
        <translation>
            <numerusform>%n Feed fehlgeschlagen; Details im Tooltip</numerusform>
            <numerusform>%n Feeds fehlgeschlagen; Details in den Tooltips</numerusform>
        </translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Nur ungelesene</translation>
    </message>
    <message>
        <source>Load Images</source>
        <translation>Bilder laden</translation>
    </message>
    <message>
        <source>Always Load for This Feed</source>
        <translation>Für diesen Feed immer laden</translation>
    </message>
    <message>
        <source>Fetched %1</source>
        <translation>Abgerufen %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Noch nicht abgerufen</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>gone for good; no longer fetched</source>
        <translation>dauerhaft verschwunden; wird nicht mehr abgerufen</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>next fetch %1</source>
        <translation>nächster Abruf %1</translation>
    </message>
    <message>
        <source>Moved from %1 to %2</source>
        <translation>Umgezogen von %1 nach %2</translation>
    </message>
    <message>
        <source>Sync Feed</source>
        <translation>Feed synchronisieren</translation>
    </message>
    <message>
        <source>Mark All as Read</source>
        <translation>Alle als gelesen markieren</translation>
    </message>
    <message>
        <source>Open Website</source>
        <translation>Website öffnen</translation>
    </message>
    <message>
        <source>Copy Feed Address</source>
        <translation>Feed-Adresse kopieren</translation>
    </message>
    <message>
        <source>Remove Feed...</source>
        <translation>Feed entfernen...</translation>
    </message>
    <message>
        <source>Open the Original</source>
        <translation>Original öffnen</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <source>Mark as Unread</source>
        <translation>Als ungelesen markieren</translation>
    </message>
    <message>
        <source>Mark as Read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <source>Remove Star</source>
        <translation>Stern entfernen</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Mit Stern markieren</translation>
    </message>
    <message>
        <source>Starred items are kept however many items the feed keeps.</source>
        <translation>Einträge mit Stern bleiben erhalten, egal wie viele Einträge der Feed behält.</translation>
    </message>
    <message>
        <source>Remove Feed</source>
        <translation>Feed entfernen</translation>
    </message>
    <message>
        <source>Stop following &quot;%1&quot;? Its items are removed from the feed list; the discussions and members they brought in stay.</source>
        <translation>„%1“ nicht mehr folgen? Seine Einträge verschwinden aus der Feed-Liste; die Diskussionen und Mitglieder, die sie gebracht haben, bleiben.</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) not loaded, so the sender cannot see that you read this.</source>
        <translation>
            <numerusform>%n entferntes Bild nicht geladen, damit der Absender nicht sieht, dass Sie dies lesen.</numerusform>
            <numerusform>%n entfernte Bilder nicht geladen, damit der Absender nicht sieht, dass Sie dies lesen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FetchScheduler</name>
    <message>
        <source>Not fetched: the server at %1 asked to wait until %2.</source>
        <translation>Nicht abgerufen: Der Server %1 hat gebeten, bis %2 zu warten.</translation>
    </message>
</context>
<context>
    <name>Framework</name>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>Kein gültiges JSON: %1</translation>
    </message>
    <message>
        <source>A framework needs a key and a name.</source>
        <translation>Ein Framework benötigt einen Schlüssel und einen Namen.</translation>
    </message>
    <message>
        <source>Framework %1 has no stages.</source>
        <translation>Das Framework %1 hat keine Stufen.</translation>
    </message>
    <message>
        <source>A competency of %1 has no key or name.</source>
        <translation>Eine Kompetenz von %1 hat weder Schlüssel noch Namen.</translation>
    </message>
    <message>
        <source>Competency %1 needs one criterion per stage (%2).</source>
        <translation>Die Kompetenz %1 benötigt ein Kriterium pro Stufe (%2).</translation>
    </message>
    <message>
        <source>Framework %1 has no competencies.</source>
        <translation>Das Framework %1 hat keine Kompetenzen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Diskussionen</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Reifegrad</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Feeds</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation>Datenbank ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation>&amp;Neue Datenbank...</translation>
    </message>
    <message>
        <source>Open &amp;Sample Community</source>
        <translation>Beispiel-&amp;Community öffnen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Watercooler</source>
        <translation>&amp;Über Watercooler</translation>
    </message>
    <message>
        <source>Sample community</source>
        <translation>Beispiel-Community</translation>
    </message>
    <message>
        <source>The community database this window shows</source>
        <translation>Die Community-Datenbank, die dieses Fenster anzeigt</translation>
    </message>
    <message>
        <source>Watercooler</source>
        <translation>Watercooler</translation>
    </message>
    <message>
        <source>Cannot open the community database</source>
        <translation>Die Community-Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Open Community Database</source>
        <translation>Community-Datenbank öffnen</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite *.db);;All files (*)</source>
        <translation>Watercooler-Datenbanken (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>New Community Database</source>
        <translation>Neue Community-Datenbank</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite)</source>
        <translation>Watercooler-Datenbanken (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open Database to open it.</source>
        <translation>%1 existiert bereits. Verwenden Sie „Datenbank öffnen“, um die Datei zu öffnen.</translation>
    </message>
    <message>
        <source>The sample community is already open.</source>
        <translation>Die Beispiel-Community ist bereits geöffnet.</translation>
    </message>
    <message>
        <source>Creating the sample community...</source>
        <translation>Beispiel-Community wird erstellt...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The sample community could not be created: %1</source>
        <translation>Die Beispiel-Community konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>About Watercooler</source>
        <translation>Über Watercooler</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Knowledge isn&apos;t in our heads, it is between us.&lt;/p&gt;&lt;p&gt;Watercooler shows who talks with whom in your community, about what, how often, and how healthy the community is, from data you own, on your own desktop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Wissen steckt nicht in unseren Köpfen, es liegt zwischen uns.&lt;/p&gt;&lt;p&gt;Watercooler zeigt, wer in Ihrer Community mit wem spricht, worüber, wie oft und wie gesund die Community ist – auf Grundlage Ihrer eigenen Daten, direkt auf Ihrem Computer.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <source>Your role may read this database but not change it. Ask the database owner for write access.</source>
        <translation>Ihre Rolle darf diese Datenbank lesen, aber nicht ändern. Bitten Sie den Eigentümer der Datenbank um Schreibrechte.</translation>
    </message>
    <message>
        <source>Connect to &amp;Team Database...</source>
        <translation>Mit &amp;Team-Datenbank verbinden...</translation>
    </message>
    <message>
        <source>The connection to %1 was lost. Changes you have not saved yet are still in their forms.</source>
        <translation>Die Verbindung zu %1 ist abgebrochen. Noch nicht gespeicherte Änderungen stehen weiterhin in ihren Formularen.</translation>
    </message>
    <message>
        <source>Connection Lost</source>
        <translation>Verbindung abgebrochen</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>Offline weiterarbeiten</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Nicht mit %1 verbunden</translation>
    </message>
    <message>
        <source>Reconnected to %1</source>
        <translation>Wieder mit %1 verbunden</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>&amp;Copy Community To...</source>
        <translation>Community &amp;kopieren nach...</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) to %1.</source>
        <translation>
            <numerusform>%n Zeile nach %1 kopiert.</numerusform>
            <numerusform>%n Zeilen nach %1 kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy Community</source>
        <translation>Community kopieren</translation>
    </message>
    <message>
        <source>The community could not be copied: %1</source>
        <translation>Die Community konnte nicht kopiert werden: %1</translation>
    </message>
    <message>
        <source>The copy was cancelled; nothing was written.</source>
        <translation>Das Kopieren wurde abgebrochen; es wurde nichts geschrieben.</translation>
    </message>
    <message>
        <source>Syncing feeds</source>
        <translation>Feeds werden synchronisiert</translation>
    </message>
    <message>
        <source>Fee&amp;ds</source>
        <translation>Fee&amp;ds</translation>
    </message>
    <message>
        <source>&amp;Add Feed...</source>
        <translation>Feed &amp;hinzufügen...</translation>
    </message>
    <message>
        <source>&amp;Sync Feeds Now</source>
        <translation>Feeds jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Import OPML...</source>
        <translation>OPML &amp;importieren...</translation>
    </message>
    <message>
        <source>&amp;Export OPML...</source>
        <translation>OPML &amp;exportieren...</translation>
    </message>
    <message>
        <source>Syncing feeds: %1 of %2</source>
        <translation>Feeds werden synchronisiert: %1 von %2</translation>
    </message>
</context>
<context>
    <name>MaturityPane</name>
    <message>
        <source>Assessment:</source>
        <translation>Bewertung:</translation>
    </message>
    <message>
        <source>No assessments yet</source>
        <translation>Noch keine Bewertungen</translation>
    </message>
    <message>
        <source>Score your community against the Community Maturity Model to see where it stands and where to grow next.</source>
        <translation>Bewerten Sie Ihre Community anhand des Community Maturity Model, um zu sehen, wo sie steht und wo sie als Nächstes wachsen kann.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 · overall %2 of %3 · scored by %4</source>
        <translation>%1 · insgesamt %2 von %3 · bewertet von %4</translation>
    </message>
</context>
<context>
    <name>MaturityRadarChart</name>
    <message>
        <source>Average</source>
        <translation>Durchschnitt</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Handles</source>
        <translation>Benutzernamen</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Gegebene Antworten</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Erhaltene Antworten</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Erstmals gesehen</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
</context>
<context>
    <name>MembersPane</name>
    <message>
        <source>Filter by name, handle or tag</source>
        <translation>Nach Name, Benutzername oder Schlagwort filtern</translation>
    </message>
    <message>
        <source>Select a member to see their identities, tags, notes and recent posts.</source>
        <translation>Wählen Sie ein Mitglied aus, um seine Identitäten, Schlagwörter, Notizen und neuesten Beiträge zu sehen.</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Noch keine Mitglieder</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript: the people who write there become the members of your community.</source>
        <translation>Fügen Sie einen Feed hinzu oder importieren Sie ein Transkript: Die Personen, die dort schreiben, werden zu Mitgliedern Ihrer Community.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Beispiel-Community öffnen</translation>
    </message>
    <message>
        <source>%1+ members</source>
        <translation>%1+ Mitglieder</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Mitglied</numerusform>
            <numerusform>%n Mitglieder</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Gegebene Antworten</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Erhaltene Antworten</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Erwähnt</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n-mal</numerusform>
            <numerusform>%n-mal</numerusform>
        </translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Erstmals gesehen</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Zuletzt aktiv</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identitäten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Talks most with</source>
        <translation>Spricht am meisten mit</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n Interaktion</numerusform>
            <numerusform>%n Interaktionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Neueste Beiträge</translation>
    </message>
    <message>
        <source>No posts yet.</source>
        <translation>Noch keine Beiträge.</translation>
    </message>
    <message>
        <source>The member&apos;s details could not be read from the database.</source>
        <translation>Die Angaben zum Mitglied konnten nicht aus der Datenbank gelesen werden.</translation>
    </message>
    <message>
        <source>Private notes about this member</source>
        <translation>Private Notizen zu diesem Mitglied</translation>
    </message>
    <message>
        <source>Save Notes</source>
        <translation>Notizen speichern</translation>
    </message>
    <message>
        <source>Unsaved Notes</source>
        <translation>Ungespeicherte Notizen</translation>
    </message>
    <message>
        <source>Save your notes about the previous member?</source>
        <translation>Ihre Notizen zum vorherigen Mitglied speichern?</translation>
    </message>
    <message>
        <source>Changed by Someone Else</source>
        <translation>Von jemand anderem geändert</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>Weiter bearbeiten</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nicht gespeichert</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>This database holds other data and is not a Watercooler database.</source>
        <translation>Diese Datenbank enthält andere Daten und ist keine Watercooler-Datenbank.</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>Migration %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 failed: %2</source>
        <translation>Die Aktualisierung der Datenbank auf Version %1 ist fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>OpmlDocument</name>
    <message>
        <source>Invalid XML at line %1: %2</source>
        <translation>Ungültiges XML in Zeile %1: %2</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Not an OPML document: the root element is &lt;%1&gt;.</source>
        <translation>Kein OPML-Dokument: Das Wurzelelement ist &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>Unsupported OPML version &quot;%1&quot;.</source>
        <translation>Nicht unterstützte OPML-Version „%1“.</translation>
    </message>
    <message>
        <source>The OPML document has no body.</source>
        <translation>Das OPML-Dokument hat keinen Inhaltsteil (body).</translation>
    </message>
    <message>
        <source>The OPML body has no outlines.</source>
        <translation>Der OPML-Inhaltsteil enthält keine Einträge (outlines).</translation>
    </message>
</context>
<context>
    <name>OpmlSubscriptions</name>
    <message>
        <source>This is not a usable OPML file: %1</source>
        <translation>Dies ist keine verwendbare OPML-Datei: %1</translation>
    </message>
    <message>
        <source>Watercooler subscriptions</source>
        <translation>Watercooler-Abonnements</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>The server asks for the password of %1 to open %2.</source>
        <translation>Der Server verlangt das Passwort für %1, um %2 zu öffnen.</translation>
    </message>
    <message>
        <source>your role</source>
        <translation>Ihre Rolle</translation>
    </message>
    <message>
        <source>That password was not accepted.</source>
        <translation>Dieses Passwort wurde nicht akzeptiert.</translation>
    </message>
    <message>
        <source>Team Database Password</source>
        <translation>Passwort der Team-Datenbank</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the community database</source>
        <translation>Die Community-Datenbank kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>No password given for %1.</source>
        <translation>Kein Passwort für %1 angegeben.</translation>
    </message>
</context>
<context>
    <name>SqlQuery</name>
    <message>
        <source>Database error: %1 (in: %2)</source>
        <translation>Datenbankfehler: %1 (in: %2)</translation>
    </message>
</context>
<context>
    <name>ThreadModel</name>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Verfasst</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Deleted member</source>
        <translation>Gelöschtes Mitglied</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>Die Transaktion konnte nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Could not save the changes: %1</source>
        <translation>Die Änderungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>The changes were not saved because a step of them failed.</source>
        <translation>Die Änderungen wurden nicht gespeichert, weil ein Schritt davon fehlgeschlagen ist.</translation>
    </message>
</context>
</TS>
