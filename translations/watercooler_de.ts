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
        <source>No folder</source>
        <translation>Kein Ordner</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items</source>
        <translation>Auch die Kommentare zu seinen Einträgen abrufen</translation>
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
    <message>
        <source>https://example.org/ or https://example.org/feed.xml</source>
        <translation>https://example.org/ oder https://example.org/feed.xml</translation>
    </message>
    <message>
        <source>&amp;Find Feeds</source>
        <translation>Feeds &amp;suchen</translation>
    </message>
    <message>
        <source>List the feeds this web page offers</source>
        <translation>Die Feeds auflisten, die diese Webseite anbietet</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Feeds:</source>
        <translation>Feeds:</translation>
    </message>
    <message>
        <source>Stopped looking for feeds.</source>
        <translation>Die Suche nach Feeds wurde beendet.</translation>
    </message>
    <message>
        <source>Add Anyway subscribes to the address as it is; it is fetched with the next sync.</source>
        <translation>„Trotzdem hinzufügen“ abonniert die Adresse so, wie sie ist; sie wird bei der nächsten Synchronisierung abgerufen.</translation>
    </message>
    <message>
        <source>Untitled feed</source>
        <translation>Feed ohne Titel</translation>
    </message>
    <message>
        <source>%1 (already followed)</source>
        <translation>%1 (bereits gefolgt)</translation>
    </message>
    <message>
        <source>You follow this feed already.</source>
        <translation>Sie folgen diesem Feed bereits.</translation>
    </message>
    <message>
        <source>You already follow every feed found at %1.</source>
        <translation>Sie folgen bereits allen Feeds, die unter %1 gefunden wurden.</translation>
    </message>
    <message>
        <source>This address is a feed.</source>
        <translation>Diese Adresse ist ein Feed.</translation>
    </message>
    <message numerus="yes">
        <source>Found %n feed(s).</source>
        <translation>
            <numerusform>%n Feed gefunden.</numerusform>
            <numerusform>%n Feeds gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You follow %n of them already.</source>
        <translation>
            <numerusform>Einem davon folgen Sie bereits.</numerusform>
            <numerusform>%n davon folgen Sie bereits.</numerusform>
        </translation>
    </message>
    <message>
        <source>Check the ones to follow.</source>
        <translation>Markieren Sie die Feeds, denen Sie folgen möchten.</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message numerus="yes">
        <source>Add %n Feed(s)</source>
        <translation>
            <numerusform>%n Feed hinzufügen</numerusform>
            <numerusform>%n Feeds hinzufügen</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Anyway</source>
        <translation>Trotzdem hinzufügen</translation>
    </message>
    <message>
        <source>You already follow this feed.</source>
        <translation>Sie folgen diesem Feed bereits.</translation>
    </message>
    <message>
        <source>Enter the address of a feed, or of a web page to find the feeds it offers.</source>
        <translation>Geben Sie die Adresse eines Feeds ein oder die einer Webseite, um die Feeds zu finden, die sie anbietet.</translation>
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
    <message>
        <source>Download the enclosures (podcast episodes) of a feed item. A download that was cut short is resumed.</source>
        <translation>Lädt die Anhänge (Podcast-Episoden) eines Feed-Eintrags herunter. Ein abgebrochener Download wird fortgesetzt.</translation>
    </message>
    <message>
        <source>Save into this folder (default: the podcast download folder of the settings, else Music or Downloads).</source>
        <translation>In diesem Ordner speichern (Standard: der Download-Ordner für Podcasts aus den Einstellungen, sonst Musik oder Downloads).</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>ORDNER</translation>
    </message>
    <message>
        <source>The item&apos;s id.</source>
        <translation>Die Nummer des Eintrags.</translation>
    </message>
    <message>
        <source>feeds download needs a feed item id.</source>
        <translation>feeds download braucht die Nummer eines Feed-Eintrags.</translation>
    </message>
    <message>
        <source>There is no feed item %1 with an enclosure to download.</source>
        <translation>Es gibt keinen Feed-Eintrag %1 mit einem Anhang zum Herunterladen.</translation>
    </message>
    <message>
        <source>already downloaded</source>
        <translation>bereits heruntergeladen</translation>
    </message>
    <message>
        <source>resumed</source>
        <translation>fortgesetzt</translation>
    </message>
    <message>
        <source>Sign in with this user name (HTTP Basic); the password is read from stdin or asked for, and kept in the system keychain.</source>
        <translation>Mit diesem Benutzernamen anmelden (HTTP Basic); das Passwort wird von stdin gelesen oder abgefragt und im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Password of %1 for %2: </source>
        <translation>Passwort von %1 für %2: </translation>
    </message>
    <message>
        <source>No password given, none saved for %1. Set it later with feeds set ID --user %1.</source>
        <translation>Kein Passwort angegeben, für %1 ist keines gespeichert. Legen Sie es später mit feeds set ID --user %1 fest.</translation>
    </message>
    <message>
        <source>The system keychain is not available, so the password was not saved. Give it to each sync in the environment variable WATERCOOLER_FEED_PASSWORD.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, daher wurde das Passwort nicht gespeichert. Geben Sie es bei jeder Synchronisierung in der Umgebungsvariablen WATERCOOLER_FEED_PASSWORD an.</translation>
    </message>
    <message>
        <source>The system keychain did not save the password: %1</source>
        <translation>Der Schlüsselbund des Systems hat das Passwort nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a web page address (http or https).</source>
        <translation>„%1“ ist keine Adresse einer Webseite (http oder https).</translation>
    </message>
    <message>
        <source>already followed, skipped</source>
        <translation>bereits gefolgt, übersprungen</translation>
    </message>
    <message>
        <source>Subscribe to a feed. Nothing is fetched until the next sync.
With --discover, URL is a web page: it is fetched now, and every feed it offers is subscribed.</source>
        <translation>Einen Feed abonnieren. Bis zur nächsten Synchronisierung wird nichts abgerufen.
Mit --discover ist URL eine Webseite: Sie wird sofort abgerufen, und jeder Feed, den sie anbietet, wird abonniert.</translation>
    </message>
    <message>
        <source>URL is a web page: subscribe to every feed it links to (or, when it links to none, that its site offers at the usual feed addresses).</source>
        <translation>URL ist eine Webseite: Jeden Feed abonnieren, auf den sie verlinkt (oder, wenn sie auf keinen verlinkt, den ihre Website unter den üblichen Feed-Adressen anbietet).</translation>
    </message>
    <message>
        <source>With --discover: print the feeds as JSON.</source>
        <translation>Mit --discover: Die Feeds als JSON ausgeben.</translation>
    </message>
    <message>
        <source>The feed&apos;s address, or with --discover a web page&apos;s.</source>
        <translation>Die Adresse des Feeds oder, mit --discover, die einer Webseite.</translation>
    </message>
    <message>
        <source>--user goes with a feed&apos;s URL, not with --discover; set it afterwards with feeds set ID --user NAME.</source>
        <translation>--user gehört zur URL eines Feeds, nicht zu --discover; legen Sie es danach mit feeds set ID --user NAME fest.</translation>
    </message>
    <message>
        <source>feeds add --discover needs a web page&apos;s URL.</source>
        <translation>feeds add --discover braucht die URL einer Webseite.</translation>
    </message>
    <message>
        <source>--json goes with --discover.</source>
        <translation>--json gehört zu --discover.</translation>
    </message>
    <message>
        <source>--user needs a user name.</source>
        <translation>--user braucht einen Benutzernamen.</translation>
    </message>
    <message>
        <source>Change the settings of a feed; what is not given stays.</source>
        <translation>Die Einstellungen eines Feeds ändern; was nicht angegeben wird, bleibt unverändert.</translation>
    </message>
    <message>
        <source>Stop signing in; the saved password is removed from the keychain.</source>
        <translation>Nicht mehr anmelden; das gespeicherte Passwort wird aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Fetch it every MINUTES minutes (a longer pause the feed asks for wins).</source>
        <translation>Ihn alle MINUTEN Minuten abrufen (eine längere Pause, die der Feed verlangt, hat Vorrang).</translation>
    </message>
    <message>
        <source>MINUTES</source>
        <translation>MINUTEN</translation>
    </message>
    <message>
        <source>Keep its newest N items (0 keeps everything); applies at the next sync.</source>
        <translation>Seine neuesten N Einträge behalten (0 behält alles); gilt ab der nächsten Synchronisierung.</translation>
    </message>
    <message>
        <source>Show it under this title.</source>
        <translation>Ihn unter diesem Titel anzeigen.</translation>
    </message>
    <message>
        <source>TITLE</source>
        <translation>TITEL</translation>
    </message>
    <message>
        <source>Move it to this folder (&quot;A/B&quot; nests, &quot;&quot; is the top level).</source>
        <translation>Ihn in diesen Ordner verschieben („A/B“ verschachtelt, &quot;&quot; ist die oberste Ebene).</translation>
    </message>
    <message>
        <source>feeds set needs a feed id (see feeds list).</source>
        <translation>feeds set braucht die Nummer eines Feeds (siehe feeds list).</translation>
    </message>
    <message>
        <source>Give either --user or --no-user, not both.</source>
        <translation>Geben Sie entweder --user oder --no-user an, nicht beides.</translation>
    </message>
    <message>
        <source>--interval needs minutes from 1 to %1, not &quot;%2&quot;.</source>
        <translation>--interval erwartet Minuten von 1 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <source>--retention needs a number of items (0 keeps everything), not &quot;%1&quot;.</source>
        <translation>--retention erwartet eine Anzahl von Einträgen (0 behält alles), nicht „%1“.</translation>
    </message>
    <message>
        <source>--follow-comments needs on or off, not &quot;%1&quot;.</source>
        <translation>--follow-comments erwartet on oder off, nicht „%1“.</translation>
    </message>
    <message>
        <source>Updated feed %1.</source>
        <translation>Feed %1 aktualisiert.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] feeds add|list|set|remove|import-opml|export-opml|parse|download ...
See feeds COMMAND --help.</source>
        <translation>Aufruf: watercooler [--database PFAD] feeds add|list|set|remove|import-opml|export-opml|parse|download ...
Siehe feeds BEFEHL --help.</translation>
    </message>
    <message>
        <source>Unknown feeds command &quot;%1&quot;. Commands: add, list, set, remove, import-opml, export-opml, parse, download.</source>
        <translation>Unbekannter feeds-Befehl „%1“. Befehle: add, list, set, remove, import-opml, export-opml, parse, download.</translation>
    </message>
    <message>
        <source>Merge members into the first one: their identities, posts, mentions and tags move to it. Undo with members unmerge.</source>
        <translation>Mitglieder im ersten zusammenführen: Ihre Identitäten, Beiträge, Erwähnungen und Schlagwörter gehen auf dieses über. Rückgängig machen mit members unmerge.</translation>
    </message>
    <message>
        <source>The member to keep, then the ones to merge in.</source>
        <translation>Das zu behaltende Mitglied, danach die hineinzuführenden.</translation>
    </message>
    <message>
        <source>members merge needs the id of the member to keep and at least one other member id.</source>
        <translation>members merge braucht die Nummer des zu behaltenden Mitglieds und mindestens eine weitere Mitgliedsnummer.</translation>
    </message>
    <message numerus="yes">
        <source>Merged %n member(s) into %1 (merge %2): </source>
        <translation>
            <numerusform>%n Mitglied in %1 zusammengeführt (Zusammenführung %2): </numerusform>
            <numerusform>%n Mitglieder in %1 zusammengeführt (Zusammenführung %2): </numerusform>
        </translation>
    </message>
    <message>
        <source>%1 identities, %2 posts, %3 mentions and %4 new tags moved.</source>
        <translation>%1 Identitäten, %2 Beiträge, %3 Erwähnungen und %4 neue Schlagwörter übertragen.</translation>
    </message>
    <message>
        <source>Undo with: members unmerge %1</source>
        <translation>Rückgängig machen mit: members unmerge %1</translation>
    </message>
    <message>
        <source>Undo a merge (or a deletion) of members: everything that moved goes back.</source>
        <translation>Eine Zusammenführung (oder Löschung) von Mitgliedern rückgängig machen: Alles, was übertragen wurde, kehrt zurück.</translation>
    </message>
    <message>
        <source>The merge id members merge printed.</source>
        <translation>Die Nummer der Zusammenführung, die members merge ausgegeben hat.</translation>
    </message>
    <message>
        <source>members unmerge needs a merge id.</source>
        <translation>members unmerge braucht die Nummer einer Zusammenführung.</translation>
    </message>
    <message>
        <source>Undid merge %1.</source>
        <translation>Zusammenführung %1 rückgängig gemacht.</translation>
    </message>
    <message>
        <source>Erase a member&apos;s personal data: identities, name, e-mail, notes and tags. Their posts stay under &quot;Deleted member&quot; unless --remove-posts is given. This cannot be undone.</source>
        <translation>Die persönlichen Daten eines Mitglieds löschen: Identitäten, Name, E-Mail, Notizen und Schlagwörter. Seine Beiträge bleiben unter „Gelöschtes Mitglied“ erhalten, sofern nicht --remove-posts angegeben wird. Dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>Remove the member&apos;s posts too.</source>
        <translation>Auch die Beiträge des Mitglieds entfernen.</translation>
    </message>
    <message>
        <source>The member&apos;s id.</source>
        <translation>Die Nummer des Mitglieds.</translation>
    </message>
    <message>
        <source>members erase needs a member id.</source>
        <translation>members erase braucht eine Mitgliedsnummer.</translation>
    </message>
    <message>
        <source>Erased member %1: %2 identities removed, %3 posts removed.</source>
        <translation>Mitglied %1 gelöscht: %2 Identitäten entfernt, %3 Beiträge entfernt.</translation>
    </message>
    <message>
        <source>List members that are probably the same person, with the reason.</source>
        <translation>Mitglieder auflisten, die wahrscheinlich dieselbe Person sind, mit Begründung.</translation>
    </message>
    <message>
        <source>At most N suggestions (default 200).</source>
        <translation>Höchstens N Vorschläge (Standard: 200).</translation>
    </message>
    <message>
        <source>--limit needs a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--limit erwartet eine ganze Zahl größer als 0, nicht „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n Vorschlag</numerusform>
            <numerusform>%n Vorschläge</numerusform>
        </translation>
    </message>
    <message>
        <source>Recompute every member&apos;s engagement score and level with the stored formula.</source>
        <translation>Engagement-Punktzahl und -Stufe aller Mitglieder mit der gespeicherten Formel neu berechnen.</translation>
    </message>
    <message>
        <source>Recomputed engagement in %1 ms.</source>
        <translation>Engagement in %1 ms neu berechnet.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] members merge|unmerge|erase|suggest-duplicates|recompute ...
See members COMMAND --help.</source>
        <translation>Aufruf: watercooler [--database PFAD] members merge|unmerge|erase|suggest-duplicates|recompute ...
Siehe members BEFEHL --help.</translation>
    </message>
    <message>
        <source>Unknown members command &quot;%1&quot;. Commands: merge, unmerge, erase, suggest-duplicates, recompute.</source>
        <translation>Unbekannter members-Befehl „%1“. Befehle: merge, unmerge, erase, suggest-duplicates, recompute.</translation>
    </message>
    <message numerus="yes">
        <source>; %n new comment(s)</source>
        <translation>
            <numerusform>; %n neuer Kommentar</numerusform>
            <numerusform>; %n neue Kommentare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n comment feed(s) failed</source>
        <translation>
            <numerusform>; %n Kommentar-Feed fehlgeschlagen</numerusform>
            <numerusform>; %n Kommentar-Feeds fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <source>The system keychain is not available: give the feed password in the environment variable WATERCOOLER_FEED_PASSWORD.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar: Geben Sie das Feed-Passwort in der Umgebungsvariablen WATERCOOLER_FEED_PASSWORD an.</translation>
    </message>
    <message>
        <source>The file.</source>
        <translation>Die Datei.</translation>
    </message>
    <message numerus="yes">
        <source>Skipped %n row(s):</source>
        <translation>
            <numerusform>%n Zeile übersprungen:</numerusform>
            <numerusform>%n Zeilen übersprungen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... und %n weitere.</numerusform>
            <numerusform>... und %n weitere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import members from a CSV file (name, handle, source, e-mail, tags). Known members are matched, not duplicated.</source>
        <translation>Mitglieder aus einer CSV-Datei importieren (Name, Benutzername, Quelle, E-Mail, Schlagwörter). Bekannte Mitglieder werden zugeordnet, nicht doppelt angelegt.</translation>
    </message>
    <message>
        <source>Import posts from a CSV file (id, source, discussion_id, discussion, author, time, text, parent).</source>
        <translation>Beiträge aus einer CSV-Datei importieren (id, source, discussion_id, discussion, author, time, text, parent).</translation>
    </message>
    <message>
        <source>The source of rows that name none (default &quot;csv&quot;).</source>
        <translation>Die Quelle für Zeilen, die keine nennen (Standard: „csv“).</translation>
    </message>
    <message>
        <source>Check the file and show what would be imported; store nothing.</source>
        <translation>Die Datei prüfen und zeigen, was importiert würde; nichts speichern.</translation>
    </message>
    <message>
        <source>%1 needs the CSV file.</source>
        <translation>%1 braucht die CSV-Datei.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, delimiter &quot;%3&quot;): %n row(s) to import; nothing stored.</source>
        <translation>
            <numerusform>%1 (%2, Trennzeichen „%3“): %n Zeile zu importieren; nichts gespeichert.</numerusform>
            <numerusform>%1 (%2, Trennzeichen „%3“): %n Zeilen zu importieren; nichts gespeichert.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n row(s) from %1: </source>
        <translation>
            <numerusform>%n Zeile aus %1 importiert: </numerusform>
            <numerusform>%n Zeilen aus %1 importiert: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) matched, </source>
        <translation>
            <numerusform>%n Mitglied zugeordnet, </numerusform>
            <numerusform>%n Mitglieder zugeordnet, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created.</source>
        <translation>
            <numerusform>%n neu angelegt.</numerusform>
            <numerusform>%n neu angelegt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new post(s), </source>
        <translation>
            <numerusform>%n neuer Beitrag, </numerusform>
            <numerusform>%n neue Beiträge, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated, </source>
        <translation>
            <numerusform>%n aktualisiert, </numerusform>
            <numerusform>%n aktualisiert, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new discussion(s), </source>
        <translation>
            <numerusform>%n neue Diskussion, </numerusform>
            <numerusform>%n neue Diskussionen, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) created.</source>
        <translation>
            <numerusform>%n Mitglied angelegt.</numerusform>
            <numerusform>%n Mitglieder angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Import a chat transcript as one discussion: a numbered list of tweets, a Zoom chat, or &quot;Name: text&quot; lines.</source>
        <translation>Ein Chat-Transkript als eine Diskussion importieren: eine nummerierte Liste von Tweets, einen Zoom-Chat oder Zeilen der Form „Name: Text“.</translation>
    </message>
    <message>
        <source>The transcript&apos;s format: tweets, zoom or lines (default: detected).</source>
        <translation>Das Format des Transkripts: tweets, zoom oder lines (Standard: automatisch erkannt).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>The discussion&apos;s title (default: the file name).</source>
        <translation>Der Titel der Diskussion (Standard: der Dateiname).</translation>
    </message>
    <message>
        <source>The source the members are known on (default: twitter, zoom or chat).</source>
        <translation>Die Quelle, auf der die Mitglieder bekannt sind (Standard: twitter, zoom oder chat).</translation>
    </message>
    <message>
        <source>import transcript needs the transcript file.</source>
        <translation>import transcript braucht die Transkript-Datei.</translation>
    </message>
    <message>
        <source>--format needs tweets, zoom or lines, not &quot;%1&quot;.</source>
        <translation>--format erwartet tweets, zoom oder lines, nicht „%1“.</translation>
    </message>
    <message>
        <source>%1 is too large for a transcript.</source>
        <translation>%1 ist zu groß für ein Transkript.</translation>
    </message>
    <message>
        <source>no messages found.</source>
        <translation>keine Nachrichten gefunden.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s)</source>
        <translation>
            <numerusform>%n Nachricht importiert</numerusform>
            <numerusform>%n Nachrichten importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1) into &quot;%2&quot; on %3: </source>
        <translation>(%1) in „%2“ auf %3: </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) created, </source>
        <translation>
            <numerusform>%n Mitglied angelegt, </numerusform>
            <numerusform>%n Mitglieder angelegt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s).</source>
        <translation>
            <numerusform>%n Erwähnung.</numerusform>
            <numerusform>%n Erwähnungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Write every member to a CSV file.</source>
        <translation>Alle Mitglieder in eine CSV-Datei schreiben.</translation>
    </message>
    <message>
        <source>Write every post to a CSV file that import posts-csv reads.</source>
        <translation>Alle Beiträge in eine CSV-Datei schreiben, die import posts-csv lesen kann.</translation>
    </message>
    <message>
        <source>%1 needs the file to write.</source>
        <translation>%1 braucht die zu schreibende Datei.</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n member(s) to %1.</source>
        <translation>
            <numerusform>%n Mitglied nach %1 geschrieben.</numerusform>
            <numerusform>%n Mitglieder nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n post(s) to %1.</source>
        <translation>
            <numerusform>%n Beitrag nach %1 geschrieben.</numerusform>
            <numerusform>%n Beiträge nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print everything stored about one member as JSON: fields, identities, tags, notes, posts with their discussions, and mentions of them.</source>
        <translation>Alles, was über ein Mitglied gespeichert ist, als JSON ausgeben: Felder, Identitäten, Schlagwörter, Notizen, Beiträge mit ihren Diskussionen und Erwähnungen des Mitglieds.</translation>
    </message>
    <message>
        <source>Print JSON (the only format).</source>
        <translation>JSON ausgeben (das einzige Format).</translation>
    </message>
    <message>
        <source>export member needs a member id.</source>
        <translation>export member braucht eine Mitgliedsnummer.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] %1 %2 ...
See %1 COMMAND --help.</source>
        <translation>Aufruf: watercooler [--database PFAD] %1 %2 ...
Siehe %1 BEFEHL --help.</translation>
    </message>
    <message>
        <source>Unknown %1 command &quot;%2&quot;. Commands: %3.</source>
        <translation>Unbekannter %1-Befehl „%2“. Befehle: %3.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n older item(s) to keep the newest %1.</source>
        <translation>
            <numerusform>%n älteres Element entfernt, um die neuesten %1 zu behalten.</numerusform>
            <numerusform>%n ältere Elemente entfernt, um die neuesten %1 zu behalten.</numerusform>
        </translation>
    </message>
    <message>
        <source>The import is stored, but the engagement levels could not be recomputed: %1</source>
        <translation>Der Import ist gespeichert, aber die Engagement-Stufen konnten nicht neu berechnet werden: %1</translation>
    </message>
    <message>
        <source>Engagement levels recomputed.</source>
        <translation>Engagement-Stufen neu berechnet.</translation>
    </message>
    <message>
        <source>Read FIELD from the column headed HEADER instead of the guessed one; repeat it for more fields. Fields: %1.</source>
        <translation>FELD aus der Spalte mit der Überschrift KOPF lesen statt aus der erkannten; für weitere Felder wiederholen. Felder: %1.</translation>
    </message>
    <message>
        <source>FIELD=HEADER</source>
        <translation>FELD=KOPF</translation>
    </message>
    <message>
        <source>--column needs FIELD=HEADER, as in --column %1=&quot;%2&quot;, not &quot;%3&quot;.</source>
        <translation>--column braucht FELD=KOPF, etwa --column %1=&quot;%2&quot;, nicht „%3“.</translation>
    </message>
    <message>
        <source>--column: unknown field &quot;%1&quot;. Fields: %2.</source>
        <translation>--column: unbekanntes Feld „%1“. Felder: %2.</translation>
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
    <name>CommunityExporter</name>
    <message>
        <source>Cannot write: %1</source>
        <translation>Schreiben nicht möglich: %1</translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation>Es gibt kein Mitglied %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
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
    <message>
        <source>Someone else deleted this member meanwhile.</source>
        <translation>Jemand anderes hat dieses Mitglied inzwischen gelöscht.</translation>
    </message>
    <message>
        <source>Someone else changed this member meanwhile. Reload to see their changes.</source>
        <translation>Jemand anderes hat dieses Mitglied inzwischen geändert. Laden Sie neu, um die Änderungen zu sehen.</translation>
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
    <name>CsvImport</name>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>Line %1: %2 The columns are: %3.</source>
        <translation>Zeile %1: %2 Die Spalten sind: %3.</translation>
    </message>
    <message>
        <source>the row has %1 fields, the header %2; skipped.</source>
        <translation>die Zeile hat %1 Felder, die Kopfzeile %2; übersprungen.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Line %1: the file has a header but no rows.</source>
        <translation>Zeile %1: Die Datei hat eine Kopfzeile, aber keine Zeilen.</translation>
    </message>
    <message>
        <source>Line %1: no column is named &quot;%2&quot; (for %3). The columns are: %4.</source>
        <translation>Zeile %1: Keine Spalte heißt „%2“ (für %3). Die Spalten sind: %4.</translation>
    </message>
</context>
<context>
    <name>CsvImportDialog</name>
    <message>
        <source>Import Members CSV</source>
        <translation>Mitglieder-CSV importieren</translation>
    </message>
    <message>
        <source>Import Posts CSV</source>
        <translation>Beitrags-CSV importieren</translation>
    </message>
    <message>
        <source>Reading %1...</source>
        <translation>%1 wird gelesen...</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>The column of the file that holds the %1</source>
        <translation>Die Spalte der Datei, die folgendes Feld enthält: %1</translation>
    </message>
    <message>
        <source>Handles are matched per source; rows that name no source of their own come from this one.</source>
        <translation>Benutzernamen werden je Quelle zugeordnet; Zeilen ohne eigene Quelle stammen aus dieser.</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>&amp;Source of rows without one:</source>
        <translation>&amp;Quelle für Zeilen ohne Quelle:</translation>
    </message>
    <message>
        <source>Preview: the first rows as they will be stored</source>
        <translation>Vorschau: die ersten Zeilen so, wie sie gespeichert werden</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>Der Import wurde abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Reading the file...</source>
        <translation>Die Datei wird gelesen...</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>Tabulator</translation>
    </message>
    <message>
        <source>%1: %2, fields separated by &quot;%3&quot;</source>
        <translation>%1: %2, Felder getrennt durch „%3“</translation>
    </message>
    <message>
        <source>This file cannot be imported.</source>
        <translation>Diese Datei kann nicht importiert werden.</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more.</source>
        <translation>
            <numerusform>... und %n weitere.</numerusform>
            <numerusform>... und %n weitere.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be imported</source>
        <translation>
            <numerusform>%n Zeile wird importiert</numerusform>
            <numerusform>%n Zeilen werden importiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped.</source>
        <translation>
            <numerusform>%n Zeile übersprungen.</numerusform>
            <numerusform>%n Zeilen übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Keine Probleme gefunden.</translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Wird importiert...</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n member row(s): </source>
        <translation>
            <numerusform>%n Mitgliederzeile importiert: </numerusform>
            <numerusform>%n Mitgliederzeilen importiert: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n matched, </source>
        <translation>
            <numerusform>%n zugeordnet, </numerusform>
            <numerusform>%n zugeordnet, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created, </source>
        <translation>
            <numerusform>%n neu angelegt, </numerusform>
            <numerusform>%n neu angelegt, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n übersprungen.</numerusform>
            <numerusform>%n übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n post row(s): </source>
        <translation>
            <numerusform>%n Beitragszeile importiert: </numerusform>
            <numerusform>%n Beitragszeilen importiert: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new, </source>
        <translation>
            <numerusform>%n neu, </numerusform>
            <numerusform>%n neu, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated, </source>
        <translation>
            <numerusform>%n aktualisiert, </numerusform>
            <numerusform>%n aktualisiert, </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The file cannot be read twice: %1</source>
        <translation>Die Datei kann nicht zweimal gelesen werden: %1</translation>
    </message>
    <message>
        <source>This is not a text file (it holds zero bytes). Save it as UTF-8 text, or as UTF-16 with a byte order mark.</source>
        <translation>Dies ist keine Textdatei (sie enthält Null-Bytes). Speichern Sie sie als UTF-8-Text oder als UTF-16 mit Byte-Order-Mark.</translation>
    </message>
    <message>
        <source>the text is neither UTF-8 nor clearly Windows-1252 (Latin-1). Save the file as UTF-8 and try again.</source>
        <translation>der Text ist weder UTF-8 noch eindeutig Windows-1252 (Latin-1). Speichern Sie die Datei als UTF-8 und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>the text is not valid %1.</source>
        <translation>der Text ist kein gültiges %1.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Die Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The text is not valid %1.</source>
        <translation>Der Text ist kein gültiges %1.</translation>
    </message>
    <message>
        <source>a field is longer than %1 characters; is this really a CSV file?</source>
        <translation>ein Feld ist länger als %1 Zeichen; ist das wirklich eine CSV-Datei?</translation>
    </message>
    <message>
        <source>the line is longer than %1 characters; is this really a CSV file?</source>
        <translation>die Zeile ist länger als %1 Zeichen; ist das wirklich eine CSV-Datei?</translation>
    </message>
    <message>
        <source>a quoted field that starts here is never closed.</source>
        <translation>ein hier beginnendes Feld in Anführungszeichen wird nie geschlossen.</translation>
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
    <name>DiscussionRepository</name>
    <message>
        <source>The discussion no longer exists.</source>
        <translation>Die Diskussion existiert nicht mehr.</translation>
    </message>
    <message>
        <source>The post no longer exists.</source>
        <translation>Der Beitrag existiert nicht mehr.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>Ein Schlagwort braucht einen Namen.</translation>
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
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>Tags of this discussion, separated by commas</source>
        <translation>Schlagwörter dieser Diskussion, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Mark as Needs Response</source>
        <translation>Als „Antwort nötig“ markieren</translation>
    </message>
    <message>
        <source>Flag the selected post as waiting for an answer</source>
        <translation>Den ausgewählten Beitrag als auf eine Antwort wartend markieren</translation>
    </message>
    <message>
        <source>Tags of this post, separated by commas</source>
        <translation>Schlagwörter dieses Beitrags, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>Search posts: words, &quot;a phrase&quot;, -leave out, prefix*</source>
        <translation>Beiträge durchsuchen: Wörter, „eine Phrase“, -ausschließen, Präfix*</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>No reply yet</source>
        <translation>Noch keine Antwort</translation>
    </message>
    <message>
        <source>Needs response</source>
        <translation>Antwort nötig</translation>
    </message>
    <message>
        <source>Clear Filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>&amp;Mitglied:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>Schlag&amp;wort:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Von:</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Bis:</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Beliebiges Schlagwort</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Beliebige Quelle</translation>
    </message>
    <message>
        <source>Needs a response</source>
        <translation>Braucht eine Antwort</translation>
    </message>
    <message>
        <source>Searching...</source>
        <translation>Suche läuft …</translation>
    </message>
</context>
<context>
    <name>DuplicateFinder</name>
    <message>
        <source>same e-mail address %1</source>
        <translation>gleiche E-Mail-Adresse %1</translation>
    </message>
    <message>
        <source>same handle @%1 on different sources</source>
        <translation>gleicher Benutzername @%1 auf verschiedenen Quellen</translation>
    </message>
    <message>
        <source>similar names (%1% alike)</source>
        <translation>ähnliche Namen (zu %1 % gleich)</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Possible Duplicates</source>
        <translation>Mögliche Duplikate</translation>
    </message>
    <message>
        <source>Looking for members who are probably the same person...</source>
        <translation>Es wird nach Mitgliedern gesucht, die wahrscheinlich dieselbe Person sind...</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Merge...</source>
        <translation>Zusammenführen...</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>Keine wahrscheinlichen Duplikate gefunden.</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s). Pick one and merge; you choose which member to keep.</source>
        <translation>
            <numerusform>%n Vorschlag. Wählen Sie einen aus und führen Sie zusammen; Sie entscheiden, welches Mitglied erhalten bleibt.</numerusform>
            <numerusform>%n Vorschläge. Wählen Sie einen aus und führen Sie zusammen; Sie entscheiden, welches Mitglied erhalten bleibt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngagementFormula</name>
    <message>
        <source>Weights cannot be negative.</source>
        <translation>Gewichte dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <source>The look-back window must be between 1 and 3650 days.</source>
        <translation>Der Rückblickzeitraum muss zwischen 1 und 3650 Tagen liegen.</translation>
    </message>
    <message>
        <source>Participating must start above a score of 0.</source>
        <translation>„Teilnehmend“ muss oberhalb einer Punktzahl von 0 beginnen.</translation>
    </message>
    <message>
        <source>Each level must start at a higher score than the one below it.</source>
        <translation>Jede Stufe muss bei einer höheren Punktzahl beginnen als die darunterliegende.</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Beiträge</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Mentions written</source>
        <translation>Geschriebene Erwähnungen</translation>
    </message>
    <message>
        <source>Feed items</source>
        <translation>Feed-Einträge</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Kommentare</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktiv</translation>
    </message>
    <message>
        <source>Exploring</source>
        <translation>Erkundend</translation>
    </message>
    <message>
        <source>Participating</source>
        <translation>Teilnehmend</translation>
    </message>
    <message>
        <source>Contributing</source>
        <translation>Beitragend</translation>
    </message>
    <message>
        <source>Leading</source>
        <translation>Führend</translation>
    </message>
</context>
<context>
    <name>EngagementSettingsDialog</name>
    <message>
        <source>Engagement Levels</source>
        <translation>Engagement-Stufen</translation>
    </message>
    <message>
        <source>A member&apos;s score is the sum of their activity in the look-back window, each kind counted with its weight. The score decides the level; members with no activity in the window are Inactive. The formula is stored in the community database and shared by everyone who opens it.</source>
        <translation>Die Punktzahl eines Mitglieds ist die Summe seiner Aktivität im Rückblickzeitraum, wobei jede Art mit ihrem Gewicht zählt. Die Punktzahl bestimmt die Stufe; Mitglieder ohne Aktivität im Zeitraum sind Inaktiv. Die Formel wird in der Community-Datenbank gespeichert und gilt für alle, die sie öffnen.</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>Gewichte</translation>
    </message>
    <message>
        <source>first post of a discussion</source>
        <translation>erster Beitrag einer Diskussion</translation>
    </message>
    <message>
        <source>answer in a discussion</source>
        <translation>Antwort in einer Diskussion</translation>
    </message>
    <message>
        <source>each @name written</source>
        <translation>jedes geschriebene @Name</translation>
    </message>
    <message>
        <source>first post of a feed&apos;s discussion</source>
        <translation>erster Beitrag der Diskussion eines Feeds</translation>
    </message>
    <message>
        <source>answer to a feed item</source>
        <translation>Antwort auf einen Feed-Eintrag</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Look back</source>
        <translation>Rückblick</translation>
    </message>
    <message>
        <source>from </source>
        <translation>ab </translation>
    </message>
    <message>
        <source>Save and Recompute</source>
        <translation>Speichern und neu berechnen</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message numerus="yes">
        <source>Score = %1, over the last %n day(s). Exploring below %2, Participating from %2, Contributing from %3, Leading from %4.</source>
        <translation>
            <numerusform>Punktzahl = %1, über den letzten Tag. Erkundend unter %2, Teilnehmend ab %2, Beitragend ab %3, Führend ab %4.</numerusform>
            <numerusform>Punktzahl = %1, über die letzten %n Tage. Erkundend unter %2, Teilnehmend ab %2, Beitragend ab %3, Führend ab %4.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EpisodeDownloadBar</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <source>Change Folder...</source>
        <translation>Ordner ändern...</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Show in Folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <source>Asks for a folder the first time.</source>
        <translation>Fragt beim ersten Mal nach einem Ordner.</translation>
    </message>
    <message>
        <source>Saves into %1</source>
        <translation>Speichert in %1</translation>
    </message>
    <message>
        <source>Waiting...</source>
        <translation>Warten...</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>Gespeichert als %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Folder for Podcast Episodes</source>
        <translation>Ordner für Podcast-Episoden</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Cancelled. Resume goes on where it stopped.</source>
        <translation>Abgebrochen. „Fortsetzen“ macht dort weiter, wo es aufgehört hat.</translation>
    </message>
    <message>
        <source>Nothing here can open %1.</source>
        <translation>Hier gibt es nichts, womit sich %1 öffnen lässt.</translation>
    </message>
</context>
<context>
    <name>EpisodeDownloader</name>
    <message>
        <source>Episodes can only be downloaded by address here.</source>
        <translation>Episoden können hier nur über ihre Adresse heruntergeladen werden.</translation>
    </message>
    <message>
        <source>There is no enclosure %1.</source>
        <translation>Es gibt keinen Anhang %1.</translation>
    </message>
    <message>
        <source>The enclosure&apos;s address is not a web address: %1</source>
        <translation>Die Adresse des Anhangs ist keine Webadresse: %1</translation>
    </message>
    <message>
        <source>Saved %1, but could not record it: %2</source>
        <translation>%1 gespeichert, konnte es aber nicht vermerken: %2</translation>
    </message>
</context>
<context>
    <name>EpisodeTransfer</name>
    <message>
        <source>No folder was given to save %1 in.</source>
        <translation>Es wurde kein Ordner angegeben, in dem %1 gespeichert werden soll.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist and cannot be created.</source>
        <translation>Der Ordner %1 existiert nicht und kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>There are too many partial downloads named like %1 in %2.</source>
        <translation>In %2 gibt es zu viele unvollständige Downloads mit einem Namen wie %1.</translation>
    </message>
    <message>
        <source>Cannot write in the folder %1: %2</source>
        <translation>In den Ordner %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The server sent more than the %1 it announced for %2.</source>
        <translation>Der Server hat mehr als die für %2 angekündigten %1 gesendet.</translation>
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
        <source>The episode at %1 was not found (HTTP %2).</source>
        <translation>Die Episode unter %1 wurde nicht gefunden (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 refused access to the episode (HTTP %2).</source>
        <translation>Der Server %1 hat den Zugriff auf die Episode verweigert (HTTP %2).</translation>
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
        <source>The download of %1 ended early: %2 of %3 arrived.</source>
        <translation>Der Download von %1 endete vorzeitig: %2 von %3 sind angekommen.</translation>
    </message>
    <message>
        <source>an unknown size</source>
        <translation>einer unbekannten Größe</translation>
    </message>
    <message>
        <source>The server at %1 keeps sending the wrong part of %2.</source>
        <translation>Der Server %1 sendet immer wieder den falschen Teil von %2.</translation>
    </message>
    <message>
        <source>Cannot rename %1 to %2: %3</source>
        <translation>%1 kann nicht in %2 umbenannt werden: %3</translation>
    </message>
    <message>
        <source>There are too many files named like %1 in %2.</source>
        <translation>In %2 gibt es zu viele Dateien mit einem Namen wie %1.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Der Server %1 hat nicht innerhalb von %2 Sekunden geantwortet.</translation>
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
        <source>The connection to %1 closed before the download was complete.</source>
        <translation>Die Verbindung zu %1 wurde geschlossen, bevor der Download abgeschlossen war.</translation>
    </message>
    <message>
        <source>Could not download %1: %2</source>
        <translation>%1 konnte nicht heruntergeladen werden: %2</translation>
    </message>
</context>
<context>
    <name>EraseMemberDialog</name>
    <message>
        <source>Erase Personal Data</source>
        <translation>Persönliche Daten löschen</translation>
    </message>
    <message>
        <source>Erase everything that identifies %1: their identities on every source, name, e-mail address, notes and tags. The member stays as &quot;Deleted member&quot;.</source>
        <translation>Alles löschen, was %1 identifiziert: die Identitäten auf allen Quellen, Name, E-Mail-Adresse, Notizen und Schlagwörter. Das Mitglied bleibt als „Gelöschtes Mitglied“ erhalten.</translation>
    </message>
    <message numerus="yes">
        <source>Keep their %n post(s), shown as written by a deleted member</source>
        <translation>
            <numerusform>%n Beitrag behalten, angezeigt als von einem gelöschten Mitglied verfasst</numerusform>
            <numerusform>%n Beiträge behalten, angezeigt als von einem gelöschten Mitglied verfasst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove their %n post(s) as well</source>
        <translation>
            <numerusform>Auch %n Beitrag entfernen</numerusform>
            <numerusform>Auch die %n Beiträge entfernen</numerusform>
        </translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>Mir ist bewusst, dass dies nicht rückgängig gemacht werden kann</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>FeedDiscovery</name>
    <message>
        <source>&quot;%1&quot; is not a web address (http or https).</source>
        <translation>„%1“ ist keine Webadresse (http oder https).</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>%1 wird geöffnet...</translation>
    </message>
    <message>
        <source>There is no page at %1 (HTTP %2).</source>
        <translation>Unter %1 gibt es keine Seite (HTTP %2).</translation>
    </message>
    <message>
        <source>The server refused access to %1 (HTTP %2).</source>
        <translation>Der Server hat den Zugriff auf %1 verweigert (HTTP %2).</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Checking %1...</source>
        <translation>%1 wird geprüft...</translation>
    </message>
    <message>
        <source>No feeds found at %1: the page links to none, and none of the usual feed addresses of %2 (%3) answers with a feed.</source>
        <translation>Unter %1 wurden keine Feeds gefunden: Die Seite verlinkt auf keinen, und keine der üblichen Feed-Adressen von %2 (%3) liefert einen Feed.</translation>
    </message>
    <message>
        <source>RSS</source>
        <translation>RSS</translation>
    </message>
    <message>
        <source>Atom</source>
        <translation>Atom</translation>
    </message>
    <message>
        <source>JSON Feed</source>
        <translation>JSON Feed</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
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
    <message>
        <source>The server at %1 refused the user name and password of this feed (HTTP %2). Check them in the feed&apos;s properties.</source>
        <translation>Der Server %1 hat den Benutzernamen und das Passwort dieses Feeds abgelehnt (HTTP %2). Prüfen Sie sie in den Eigenschaften des Feeds.</translation>
    </message>
    <message>
        <source>The server at %1 wants a user name and password for this feed (HTTP %2). Set them in the feed&apos;s properties.</source>
        <translation>Der Server %1 verlangt für diesen Feed einen Benutzernamen und ein Passwort (HTTP %2). Legen Sie sie in den Eigenschaften des Feeds fest.</translation>
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
    <name>FeedPasswordPrompt</name>
    <message>
        <source>No password is saved for this feed.</source>
        <translation>Für diesen Feed ist kein Passwort gespeichert.</translation>
    </message>
    <message>
        <source>The system keychain is not available.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Feed Password</source>
        <translation>Feed-Passwort</translation>
    </message>
    <message>
        <source>%1
Password of %2 for %3 (kept until Watercooler closes):</source>
        <translation>%1
Passwort von %2 für %3 (bleibt bis zum Beenden von Watercooler gespeichert):</translation>
    </message>
</context>
<context>
    <name>FeedPropertiesDialog</name>
    <message>
        <source>Feed Properties</source>
        <translation>Feed-Eigenschaften</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>Kein Ordner</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> Minuten</translation>
    </message>
    <message>
        <source>Keep every item</source>
        <translation>Alle Einträge behalten</translation>
    </message>
    <message>
        <source>Keep the newest</source>
        <translation>Die neuesten behalten</translation>
    </message>
    <message>
        <source> items</source>
        <translation> Einträge</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items</source>
        <translation>Auch die Kommentare zu seinen Einträgen abrufen</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <source>&amp;Fetch every:</source>
        <translation>&amp;Abrufen alle:</translation>
    </message>
    <message>
        <source>Items:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <source>Sign-in (HTTP Basic)</source>
        <translation>Anmeldung (HTTP Basic)</translation>
    </message>
    <message>
        <source>None: the feed is public</source>
        <translation>Keine: Der Feed ist öffentlich</translation>
    </message>
    <message>
        <source>Remove the saved password</source>
        <translation>Gespeichertes Passwort entfernen</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Last fetched:</source>
        <translation>Zuletzt abgerufen:</translation>
    </message>
    <message>
        <source>Next fetch:</source>
        <translation>Nächster Abruf:</translation>
    </message>
    <message>
        <source>HTTP status:</source>
        <translation>HTTP-Status:</translation>
    </message>
    <message>
        <source>Error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <source>Moved from:</source>
        <translation>Umgezogen von:</translation>
    </message>
    <message>
        <source>This feed is no longer followed.</source>
        <translation>Diesem Feed wird nicht mehr gefolgt.</translation>
    </message>
    <message numerus="yes">
        <source>The feed asks not to be fetched more often than every %n minute(s); the longer wait wins.</source>
        <translation>
            <numerusform>Der Feed bittet darum, nicht öfter als jede Minute abgerufen zu werden; die längere Wartezeit hat Vorrang.</numerusform>
            <numerusform>Der Feed bittet darum, nicht öfter als alle %n Minuten abgerufen zu werden; die längere Wartezeit hat Vorrang.</numerusform>
        </translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>With the next sync</source>
        <translation>Bei der nächsten Synchronisierung</translation>
    </message>
    <message>
        <source>Not fetched any more (%1)</source>
        <translation>Wird nicht mehr abgerufen (%1)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Not moved</source>
        <translation>Nicht umgezogen</translation>
    </message>
    <message>
        <source>Saved in the system keychain</source>
        <translation>Im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <source>None saved</source>
        <translation>Keines gespeichert</translation>
    </message>
    <message>
        <source>No system keychain is available, so no password can be saved. Watercooler asks for it once per session when it syncs.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher kann kein Passwort gespeichert werden. Watercooler fragt beim Synchronisieren einmal pro Sitzung danach.</translation>
    </message>
    <message>
        <source>The password is kept in the system keychain only. Leave it empty to keep the saved one.</source>
        <translation>Das Passwort wird nur im Schlüsselbund des Systems aufbewahrt. Lassen Sie das Feld leer, um das gespeicherte zu behalten.</translation>
    </message>
    <message>
        <source>Saving the password in the system keychain...</source>
        <translation>Das Passwort wird im Schlüsselbund des Systems gespeichert...</translation>
    </message>
    <message>
        <source>The settings are saved, but the password is not: %1</source>
        <translation>Die Einstellungen sind gespeichert, das Passwort aber nicht: %1</translation>
    </message>
    <message>
        <source>the system keychain refused it.</source>
        <translation>der Schlüsselbund des Systems hat es abgelehnt.</translation>
    </message>
</context>
<context>
    <name>FeedRepository</name>
    <message>
        <source>You already follow %1.</source>
        <translation>Sie folgen %1 bereits.</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Es gibt keinen Feed %1.</translation>
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
    <message>
        <source>No password is saved for the user %1 of this feed. Set it in the feed&apos;s properties.</source>
        <translation>Für den Benutzer %1 dieses Feeds ist kein Passwort gespeichert. Legen Sie es in den Eigenschaften des Feeds fest.</translation>
    </message>
    <message>
        <source>The system keychain did not give the password of the user %1 of this feed: %2</source>
        <translation>Der Schlüsselbund des Systems hat das Passwort des Benutzers %1 dieses Feeds nicht herausgegeben: %2</translation>
    </message>
    <message>
        <source>The system keychain is not available and no password was given for the user %1 of this feed.</source>
        <translation>Der Schlüsselbund des Systems ist nicht verfügbar, und für den Benutzer %1 dieses Feeds wurde kein Passwort angegeben.</translation>
    </message>
    <message>
        <source>Comments at %1: %2</source>
        <translation>Kommentare unter %1: %2</translation>
    </message>
</context>
<context>
    <name>FeedXmlTree</name>
    <message>
        <source>Out of memory.</source>
        <translation>Nicht genug Arbeitsspeicher.</translation>
    </message>
    <message>
        <source>Syntax error.</source>
        <translation>Syntaxfehler.</translation>
    </message>
    <message>
        <source>The document has no elements.</source>
        <translation>Das Dokument enthält keine Elemente.</translation>
    </message>
    <message>
        <source>The document is not well-formed XML.</source>
        <translation>Das Dokument ist kein wohlgeformtes XML.</translation>
    </message>
    <message>
        <source>The document ends in the middle of a tag or section.</source>
        <translation>Das Dokument endet mitten in einem Tag oder Abschnitt.</translation>
    </message>
    <message>
        <source>The document holds a character XML does not allow.</source>
        <translation>Das Dokument enthält ein Zeichen, das XML nicht erlaubt.</translation>
    </message>
    <message>
        <source>An end tag does not match the open element.</source>
        <translation>Ein End-Tag passt nicht zum offenen Element.</translation>
    </message>
    <message>
        <source>An element has the same attribute twice.</source>
        <translation>Ein Element hat dasselbe Attribut zweimal.</translation>
    </message>
    <message>
        <source>There is more content after the end of the document.</source>
        <translation>Nach dem Ende des Dokuments folgt weiterer Inhalt.</translation>
    </message>
    <message>
        <source>The document refers to an entity it does not define.</source>
        <translation>Das Dokument verweist auf eine Entität, die es nicht definiert.</translation>
    </message>
    <message>
        <source>The document&apos;s entities expand to too much text.</source>
        <translation>Die Entitäten des Dokuments ergeben zu viel Text.</translation>
    </message>
    <message>
        <source>XML error: %1</source>
        <translation>XML-Fehler: %1</translation>
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
    <message numerus="yes">
        <source>%n new comment(s)</source>
        <translation>
            <numerusform>%n neuer Kommentar</numerusform>
            <numerusform>%n neue Kommentare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n comment feed(s) could not be read</source>
        <translation>
            <numerusform>%n Kommentar-Feed konnte nicht gelesen werden</numerusform>
            <numerusform>%n Kommentar-Feeds konnten nicht gelesen werden</numerusform>
        </translation>
    </message>
    <message>
        <source>Properties...</source>
        <translation>Eigenschaften...</translation>
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
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
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
    <name>MemberDialog</name>
    <message>
        <source>Add Member</source>
        <translation>Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>Edit Member</source>
        <translation>Mitglied bearbeiten</translation>
    </message>
    <message>
        <source>name@example.org (optional)</source>
        <translation>name@example.org (optional)</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>@handle (optional)</source>
        <translation>@handle (optional)</translation>
    </message>
    <message>
        <source>Forum, Mastodon, Slack...</source>
        <translation>Forum, Mastodon, Slack …</translation>
    </message>
    <message>
        <source>Where the member uses this handle: a source already in the database, or a new name.</source>
        <translation>Wo das Mitglied dieses Handle verwendet: eine Quelle aus der Datenbank oder ein neuer Name.</translation>
    </message>
    <message>
        <source>&amp;Handle:</source>
        <translation>&amp;Handle:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
</context>
<context>
    <name>MemberEditor</name>
    <message>
        <source>A member needs a name.</source>
        <translation>Ein Mitglied braucht einen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address.</source>
        <translation>„%1“ ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>A tag needs a name.</source>
        <translation>Ein Schlagwort braucht einen Namen.</translation>
    </message>
    <message>
        <source>There is no member %1.</source>
        <translation>Es gibt kein Mitglied %1.</translation>
    </message>
    <message>
        <source>Deleted member</source>
        <translation>Gelöschtes Mitglied</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a handle.</source>
        <translation>„%1“ ist kein Handle.</translation>
    </message>
    <message>
        <source>Name the source the handle @%1 belongs to.</source>
        <translation>Geben Sie die Quelle an, zu der das Handle @%1 gehört.</translation>
    </message>
    <message>
        <source>@%1 on %2 is already %3.</source>
        <translation>@%1 auf %2 ist bereits %3.</translation>
    </message>
</context>
<context>
    <name>MemberJournal</name>
    <message>
        <source>Some of these members do not exist (any more).</source>
        <translation>Einige dieser Mitglieder existieren nicht (mehr).</translation>
    </message>
    <message>
        <source>A member cannot be merged into itself.</source>
        <translation>Ein Mitglied kann nicht mit sich selbst zusammengeführt werden.</translation>
    </message>
    <message>
        <source>Choose at least one member to merge into the kept one.</source>
        <translation>Wählen Sie mindestens ein Mitglied, das mit dem behaltenen zusammengeführt werden soll.</translation>
    </message>
    <message>
        <source>Choose the members to delete.</source>
        <translation>Wählen Sie die zu löschenden Mitglieder.</translation>
    </message>
    <message>
        <source>There is no merge or deletion %1 to undo.</source>
        <translation>Es gibt keine Zusammenführung oder Löschung %1, die rückgängig gemacht werden kann.</translation>
    </message>
    <message>
        <source>The member kept by this merge is gone; undo the later merge or deletion of that member first.</source>
        <translation>Das bei dieser Zusammenführung behaltene Mitglied existiert nicht mehr; machen Sie zuerst die spätere Zusammenführung oder Löschung dieses Mitglieds rückgängig.</translation>
    </message>
</context>
<context>
    <name>MembersCsvImporter</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Schlagwörter</translation>
    </message>
    <message>
        <source>No column holds a name, a handle or an e-mail address.</source>
        <translation>Keine Spalte enthält einen Namen, einen Benutzernamen oder eine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>no name, handle or e-mail address; skipped.</source>
        <translation>kein Name, Benutzername oder E-Mail-Adresse; übersprungen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an e-mail address; skipped.</source>
        <translation>„%1“ ist keine E-Mail-Adresse; übersprungen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a handle; skipped.</source>
        <translation>„%1“ ist kein Benutzername; übersprungen.</translation>
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
    <message>
        <source>Engagement score %1</source>
        <translation>Engagement-Punktzahl %1</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Engagement</translation>
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
    <message>
        <source>All levels</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Add...</source>
        <translation>Hinzufügen...</translation>
    </message>
    <message>
        <source>Edit...</source>
        <translation>Bearbeiten...</translation>
    </message>
    <message>
        <source>Tag...</source>
        <translation>Verschlagworten...</translation>
    </message>
    <message>
        <source>Remove Tag...</source>
        <translation>Schlagwort entfernen...</translation>
    </message>
    <message>
        <source>Merge...</source>
        <translation>Zusammenführen...</translation>
    </message>
    <message>
        <source>Find Duplicates...</source>
        <translation>Duplikate suchen...</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Erase Personal Data...</source>
        <translation>Persönliche Daten löschen...</translation>
    </message>
    <message>
        <source>Engagement Levels...</source>
        <translation>Engagement-Stufen...</translation>
    </message>
    <message>
        <source>More</source>
        <translation>Mehr</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Engagement: %1</source>
        <translation>Engagement: %1</translation>
    </message>
    <message numerus="yes">
        <source>Activity in the %n day(s) up to %1:</source>
        <translation>
            <numerusform>Aktivität am Tag bis %1:</numerusform>
            <numerusform>Aktivität in den %n Tagen bis %1:</numerusform>
        </translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Exploring below %1, Participating from %1, Contributing from %2, Leading from %3; Inactive without activity in the window.</source>
        <translation>Erkundend unter %1, Teilnehmend ab %1, Beitragend ab %2, Führend ab %3; Inaktiv ohne Aktivität im Zeitraum.</translation>
    </message>
    <message>
        <source>The table still shows %1 (score %2) from the last recompute.</source>
        <translation>Die Tabelle zeigt noch %1 (Punktzahl %2) aus der letzten Neuberechnung.</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>Delete Members</source>
        <translation>Mitglieder löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n member(s)? Their posts stay without an author. Edit ▸ Undo brings them back.</source>
        <translation>
            <numerusform>%n Mitglied löschen? Seine Beiträge bleiben ohne Autor erhalten. Bearbeiten ▸ Rückgängig stellt es wieder her.</numerusform>
            <numerusform>%n Mitglieder löschen? Ihre Beiträge bleiben ohne Autor erhalten. Bearbeiten ▸ Rückgängig stellt sie wieder her.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n member(s)</source>
        <translation>
            <numerusform>%n Mitglied löschen</numerusform>
            <numerusform>%n Mitglieder löschen</numerusform>
        </translation>
    </message>
    <message>
        <source>Tag Members</source>
        <translation>Mitglieder verschlagworten</translation>
    </message>
    <message>
        <source>Remove Tag</source>
        <translation>Schlagwort entfernen</translation>
    </message>
    <message numerus="yes">
        <source>Tag the %n selected member(s) with:</source>
        <translation>
            <numerusform>Das ausgewählte Mitglied mit diesem Schlagwort versehen:</numerusform>
            <numerusform>Die %n ausgewählten Mitglieder mit diesem Schlagwort versehen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove this tag from the %n selected member(s):</source>
        <translation>
            <numerusform>Dieses Schlagwort vom ausgewählten Mitglied entfernen:</numerusform>
            <numerusform>Dieses Schlagwort von den %n ausgewählten Mitgliedern entfernen:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tag %n member(s) with %1</source>
        <translation>
            <numerusform>%n Mitglied mit %1 verschlagworten</numerusform>
            <numerusform>%n Mitglieder mit %1 verschlagworten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %1 from %n member(s)</source>
        <translation>
            <numerusform>%1 von %n Mitglied entfernen</numerusform>
            <numerusform>%1 von %n Mitgliedern entfernen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n member(s) into %1</source>
        <translation>
            <numerusform>%n Mitglied in %1 zusammenführen</numerusform>
            <numerusform>%n Mitglieder in %1 zusammenführen</numerusform>
        </translation>
    </message>
    <message>
        <source>Erase Personal Data</source>
        <translation>Persönliche Daten löschen</translation>
    </message>
    <message>
        <source>Erase one member at a time.</source>
        <translation>Löschen Sie jeweils nur ein Mitglied.</translation>
    </message>
    <message>
        <source>Computing engagement levels...</source>
        <translation>Engagement-Stufen werden berechnet...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>MergeMembersDialog</name>
    <message>
        <source>Merge Members</source>
        <translation>Mitglieder zusammenführen</translation>
    </message>
    <message>
        <source>Suggested because of the %1.</source>
        <translation>Vorgeschlagen wegen: %1.</translation>
    </message>
    <message>
        <source>Keep this member; the identities, posts, mentions and tags of the others move to it and the others are removed:</source>
        <translation>Dieses Mitglied behalten; die Identitäten, Beiträge, Erwähnungen und Schlagwörter der anderen gehen auf es über, und die anderen werden entfernt:</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n post(s))</source>
        <translation>
            <numerusform>%1 (%n Beitrag)</numerusform>
            <numerusform>%1 (%n Beiträge)</numerusform>
        </translation>
    </message>
    <message>
        <source>A merge can be undone with Edit ▸ Undo, also after a restart (watercooler members unmerge).</source>
        <translation>Eine Zusammenführung kann mit Bearbeiten ▸ Rückgängig rückgängig gemacht werden, auch nach einem Neustart (watercooler members unmerge).</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
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
    <name>PostsCsvImporter</name>
    <message>
        <source>Post id</source>
        <translation>Beitragsnummer</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Discussion id</source>
        <translation>Diskussionsnummer</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Diskussion</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Parent post id</source>
        <translation>Nummer des übergeordneten Beitrags</translation>
    </message>
    <message>
        <source>No column names the discussion.</source>
        <translation>Keine Spalte nennt die Diskussion.</translation>
    </message>
    <message>
        <source>No column holds the text.</source>
        <translation>Keine Spalte enthält den Text.</translation>
    </message>
    <message>
        <source>no discussion; skipped.</source>
        <translation>keine Diskussion; übersprungen.</translation>
    </message>
    <message>
        <source>no time; skipped.</source>
        <translation>keine Zeit; übersprungen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time (use e.g. 2024-05-01T10:00:00Z); skipped.</source>
        <translation>„%1“ ist keine Zeitangabe (verwenden Sie z. B. 2024-05-01T10:00:00Z); übersprungen.</translation>
    </message>
    <message>
        <source>no text; skipped.</source>
        <translation>kein Text; übersprungen.</translation>
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
    <name>SearchResultsModel</name>
    <message>
        <source>Deleted member</source>
        <translation>Gelöschtes Mitglied</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Diskussion</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Verfasst</translation>
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
    <message>
        <source>Needs a response</source>
        <translation>Braucht eine Antwort</translation>
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
<context>
    <name>TranscriptDialog</name>
    <message>
        <source>Import Chat Transcript</source>
        <translation>Chat-Transkript importieren</translation>
    </message>
    <message>
        <source>Paste a chat below or open a file: a numbered list of tweets copied from a web page, a Zoom chat, or &quot;Name: text&quot; lines. It becomes one discussion.</source>
        <translation>Fügen Sie unten einen Chat ein oder öffnen Sie eine Datei: eine von einer Webseite kopierte nummerierte Liste von Tweets, einen Zoom-Chat oder Zeilen der Form „Name: Text“. Daraus wird eine Diskussion.</translation>
    </message>
    <message>
        <source>1. Ada Lovelaceadal
@charlesb thanks for the #notes</source>
        <translation>1. Ada Lovelaceadal
@charlesb danke für die #notes</translation>
    </message>
    <message>
        <source>&amp;Open File...</source>
        <translation>Datei ö&amp;ffnen...</translation>
    </message>
    <message>
        <source>Detect automatically</source>
        <translation>Automatisch erkennen</translation>
    </message>
    <message>
        <source>e.g. Community call, May 2024</source>
        <translation>z. B. Community-Call, Mai 2024</translation>
    </message>
    <message>
        <source>Members are matched by handle or name on this source.</source>
        <translation>Mitglieder werden auf dieser Quelle über Benutzername oder Name zugeordnet.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>&amp;Discussion:</source>
        <translation>&amp;Diskussion:</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Said</source>
        <translation>Sagte</translation>
    </message>
    <message>
        <source>Who said what</source>
        <translation>Wer sagte was</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was stored.</source>
        <translation>Der Import wurde abgebrochen; nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is too large for a transcript.</source>
        <translation>%1 ist zu groß für ein Transkript.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open Chat Transcript</source>
        <translation>Chat-Transkript öffnen</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textdateien (*.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Paste or open a transcript.</source>
        <translation>Fügen Sie ein Transkript ein oder öffnen Sie eines.</translation>
    </message>
    <message>
        <source>Detected: %1</source>
        <translation>Erkannt: %1</translation>
    </message>
    <message>
        <source>Read as: %1 (detected: %2)</source>
        <translation>Gelesen als: %1 (erkannt: %2)</translation>
    </message>
    <message>
        <source>%1 (@%2)</source>
        <translation>%1 (@%2)</translation>
    </message>
    <message>
        <source>[repost of @%1] %2</source>
        <translation>[Repost von @%1] %2</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>Keine Nachrichten gefunden.</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) into &quot;%1&quot;.</source>
        <translation>
            <numerusform>%n Nachricht in „%1“ importiert.</numerusform>
            <numerusform>%n Nachrichten in „%1“ importiert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing...</source>
        <translation>Wird importiert...</translation>
    </message>
</context>
<context>
    <name>TranscriptImporter</name>
    <message>
        <source>Transcript</source>
        <translation>Transkript</translation>
    </message>
</context>
<context>
    <name>TranscriptParser</name>
    <message>
        <source>List of tweets</source>
        <translation>Liste von Tweets</translation>
    </message>
    <message>
        <source>Zoom chat</source>
        <translation>Zoom-Chat</translation>
    </message>
    <message>
        <source>&quot;Name: text&quot; lines</source>
        <translation>Zeilen der Form „Name: Text“</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>This is not a transcript Watercooler knows: no numbered tweets, no Zoom chat lines and no &quot;Name: text&quot; lines.</source>
        <translation>Dies ist kein Transkript, das Watercooler kennt: keine nummerierten Tweets, keine Zoom-Chat-Zeilen und keine Zeilen der Form „Name: Text“.</translation>
    </message>
    <message>
        <source>Text before the first numbered entry; skipped.</source>
        <translation>Text vor dem ersten nummerierten Eintrag; übersprungen.</translation>
    </message>
    <message>
        <source>Guessed &quot;%1&quot; as the name and &quot;@%2&quot; as the handle.</source>
        <translation>„%1“ als Name und „@%2“ als Benutzername vermutet.</translation>
    </message>
    <message>
        <source>No handle found in &quot;%1&quot;; kept as a name.</source>
        <translation>Kein Benutzername in „%1“ gefunden; als Name übernommen.</translation>
    </message>
    <message>
        <source>An entry without text; skipped.</source>
        <translation>Ein Eintrag ohne Text; übersprungen.</translation>
    </message>
    <message>
        <source>Not a chat line; skipped.</source>
        <translation>Keine Chat-Zeile; übersprungen.</translation>
    </message>
    <message>
        <source>A private message from %1; not imported.</source>
        <translation>Eine private Nachricht von %1; nicht importiert.</translation>
    </message>
    <message>
        <source>A message without text; skipped.</source>
        <translation>Eine Nachricht ohne Text; übersprungen.</translation>
    </message>
    <message>
        <source>No speaker (&quot;Name: text&quot;); skipped.</source>
        <translation>Kein Sprecher („Name: Text“); übersprungen.</translation>
    </message>
</context>
<context>
    <name>TransferActions</name>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>&amp;Members CSV...</source>
        <translation>&amp;Mitglieder-CSV...</translation>
    </message>
    <message>
        <source>&amp;Posts CSV...</source>
        <translation>&amp;Beitrags-CSV...</translation>
    </message>
    <message>
        <source>Chat &amp;Transcript...</source>
        <translation>Chat-&amp;Transkript...</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Import Members CSV</source>
        <translation>Mitglieder-CSV importieren</translation>
    </message>
    <message>
        <source>Import Posts CSV</source>
        <translation>Beitrags-CSV importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.tsv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export Members CSV</source>
        <translation>Mitglieder-CSV exportieren</translation>
    </message>
    <message>
        <source>Export Posts CSV</source>
        <translation>Beitrags-CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Exporting members...</source>
        <translation>Mitglieder werden exportiert...</translation>
    </message>
    <message>
        <source>Exporting posts...</source>
        <translation>Beiträge werden exportiert...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n member(s) to %1.</source>
        <translation>
            <numerusform>%n Mitglied nach %1 geschrieben.</numerusform>
            <numerusform>%n Mitglieder nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n post(s) to %1.</source>
        <translation>
            <numerusform>%n Beitrag nach %1 geschrieben.</numerusform>
            <numerusform>%n Beiträge nach %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message>
        <source>The export failed; %1 was left as it was: %2</source>
        <translation>Der Export ist fehlgeschlagen; %1 blieb unverändert: %2</translation>
    </message>
    <message>
        <source>The export was cancelled; %1 was left as it was.</source>
        <translation>Der Export wurde abgebrochen; %1 blieb unverändert.</translation>
    </message>
</context>
</TS>
