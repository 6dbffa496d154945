<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActivityChart</name>
    <message>
        <source>Activity per week</source>
        <translation>Activité par semaine</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Active members</source>
        <translation>Membres actifs</translation>
    </message>
</context>
<context>
    <name>AddFeedDialog</name>
    <message>
        <source>Add Feed</source>
        <translation>Ajouter un flux</translation>
    </message>
    <message>
        <source>https://example.org/feed.xml</source>
        <translation>https://example.org/feed.xml</translation>
    </message>
    <message>
        <source>No folder</source>
        <translation>Aucun dossier</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items</source>
        <translation>Récupérer aussi les commentaires de ses éléments</translation>
    </message>
    <message>
        <source>The feed is fetched with the next sync.</source>
        <translation>Le flux sera récupéré lors de la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse :</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier :</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Enter the address of the feed (http or https).</source>
        <translation>Saisissez l’adresse du flux (http ou https).</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Evidence: %1</source>
        <translation>Éléments probants&#xa0;: %1</translation>
    </message>
    <message>
        <source>Competency</source>
        <translation>Compétence</translation>
    </message>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Étape</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>Unknown command &quot;%1&quot;. Commands: %2. See --help.</source>
        <translation>Commande inconnue «&#xa0;%1&#xa0;». Commandes&#xa0;: %2. Voir --help.</translation>
    </message>
    <message>
        <source>Open the community database at PATH (an SQLite file) or a postgresql:// URL.</source>
        <translation>Ouvre la base de données de la communauté située à CHEMIN (un fichier SQLite) ou à une URL postgresql://.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <source>Watercooler shows who talks with whom in your community, about what and how often.
Without a command it opens the main window.</source>
        <translation>Watercooler montre qui parle avec qui dans votre communauté, de quoi et à quelle fréquence.
Sans commande, la fenêtre principale s&apos;ouvre.</translation>
    </message>
    <message>
        <source>Optional command: %1.</source>
        <translation>Commande facultative&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Fill the database with a generated sample community.</source>
        <translation>Remplit la base de données avec une communauté d&apos;exemple générée.</translation>
    </message>
    <message>
        <source>Number of members (default 60).</source>
        <translation>Nombre de membres (60 par défaut).</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Number of discussions (default 40, or posts/10 for large communities).</source>
        <translation>Nombre de discussions (40 par défaut, ou messages/10 pour les grandes communautés).</translation>
    </message>
    <message>
        <source>Number of posts (default 400).</source>
        <translation>Nombre de messages (400 par défaut).</translation>
    </message>
    <message>
        <source>Random seed; the same seed gives the same community.</source>
        <translation>Graine aléatoire&#xa0;; la même graine produit la même communauté.</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>Print the summary as JSON.</source>
        <translation>Affiche le résumé au format JSON.</translation>
    </message>
    <message>
        <source>Generate a sample community.</source>
        <translation>Génère une communauté d&apos;exemple.</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argument inattendu&#xa0;: %1</translation>
    </message>
    <message>
        <source>--members needs a whole number above 0, not &quot;%1&quot;.</source>
        <translation>--members attend un nombre entier supérieur à 0, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--posts needs a whole number, not &quot;%1&quot;.</source>
        <translation>--posts attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--discussions needs a whole number, not &quot;%1&quot;.</source>
        <translation>--discussions attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>--seed needs a whole number, not &quot;%1&quot;.</source>
        <translation>--seed attend un nombre entier, et non «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Created a sample community in %1:</source>
        <translation>Communauté d&apos;exemple créée dans %1&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>  %n member(s)</source>
        <translation>
            <numerusform>  %n membre</numerusform>
            <numerusform>  %n membres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n discussion(s)</source>
        <translation>
            <numerusform>  %n discussion</numerusform>
            <numerusform>  %n discussions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n post(s) with %1 mention(s)</source>
        <translation>
            <numerusform>  %n message avec %1 mention(s)</numerusform>
            <numerusform>  %n messages avec %1 mention(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n feed(s) with %1 item(s)</source>
        <translation>
            <numerusform>  %n flux avec %1 élément(s)</numerusform>
            <numerusform>  %n flux avec %1 élément(s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %n maturity assessment(s)</source>
        <translation>
            <numerusform>  %n évaluation de maturité</numerusform>
            <numerusform>  %n évaluations de maturité</numerusform>
        </translation>
    </message>
    <message>
        <source>Working... %1%</source>
        <translation>Traitement en cours... %1&#xa0;%</translation>
    </message>
    <message>
        <source>Copy the whole community into another database, an SQLite file or a PostgreSQL server.</source>
        <translation>Copier toute la communauté dans une autre base de données, un fichier SQLite ou un serveur PostgreSQL.</translation>
    </message>
    <message>
        <source>The database to copy to: an SQLite file or a postgresql:// URL.</source>
        <translation>La base de données de destination&#xa0;: un fichier SQLite ou une URL postgresql://.</translation>
    </message>
    <message>
        <source>TARGET</source>
        <translation>CIBLE</translation>
    </message>
    <message>
        <source>Delete what the target holds first, instead of refusing a target that is not empty.</source>
        <translation>Supprimer d&apos;abord le contenu de la cible au lieu de refuser une cible qui n&apos;est pas vide.</translation>
    </message>
    <message>
        <source>Database commands.</source>
        <translation>Commandes de base de données.</translation>
    </message>
    <message>
        <source>Copy the community to --to.</source>
        <translation>Copier la communauté vers --to.</translation>
    </message>
    <message>
        <source>db copy needs --to TARGET: an SQLite file or a postgresql:// URL.</source>
        <translation>db copy nécessite --to CIBLE&#xa0;: un fichier SQLite ou une URL postgresql://.</translation>
    </message>
    <message>
        <source>%1 is not empty; use --replace to overwrite it.</source>
        <translation>%1 n&apos;est pas vide&#xa0;; utilisez --replace pour l&apos;écraser.</translation>
    </message>
    <message>
        <source>Copied %1 to %2:</source>
        <translation>%1 copié vers %2&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source>  Total: %n row(s)</source>
        <translation>
            <numerusform>  Total&#xa0;: %n ligne</numerusform>
            <numerusform>  Total&#xa0;: %n lignes</numerusform>
        </translation>
    </message>
    <message>
        <source>Usage: %1 [--database PATH] db copy --to TARGET [--replace] [--json]</source>
        <translation>Utilisation&#xa0;: %1 [--database CHEMIN] db copy --to CIBLE [--replace] [--json]</translation>
    </message>
    <message>
        <source>Database commands: copy. See db copy --help.</source>
        <translation>Commandes de base de données&#xa0;: copy. Voir db copy --help.</translation>
    </message>
    <message>
        <source>db needs a command: copy. See db --help.</source>
        <translation>db nécessite une commande&#xa0;: copy. Voir db --help.</translation>
    </message>
    <message>
        <source>Unknown db command &quot;%1&quot;. Commands: copy. See db --help.</source>
        <translation>Commande db inconnue «&#xa0;%1&#xa0;». Commandes&#xa0;: copy. Voir db --help.</translation>
    </message>
    <message>
        <source>Subscribe to a feed. Nothing is fetched until the next sync.</source>
        <translation>S’abonner à un flux. Rien n’est récupéré avant la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Put the feed in this folder (&quot;A/B&quot; nests).</source>
        <translation>Placer le flux dans ce dossier (« A/B » imbrique).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <source>Also fetch the comments of its items.</source>
        <translation>Récupérer aussi les commentaires de ses éléments.</translation>
    </message>
    <message>
        <source>The feed&apos;s address.</source>
        <translation>L’adresse du flux.</translation>
    </message>
    <message>
        <source>feeds add needs the feed&apos;s URL.</source>
        <translation>feeds add a besoin de l’URL du flux.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a feed address (http, https or file).</source>
        <translation>« %1 » n’est pas une adresse de flux (http, https ou file).</translation>
    </message>
    <message>
        <source>List the feed subscriptions.</source>
        <translation>Lister les abonnements aux flux.</translation>
    </message>
    <message>
        <source>Print them as JSON.</source>
        <translation>Les afficher en JSON.</translation>
    </message>
    <message>
        <source>in %1</source>
        <translation>dans %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>erreur : %1</translation>
    </message>
    <message>
        <source>End a feed subscription. What it brought in stays.</source>
        <translation>Mettre fin à un abonnement. Ce qu’il a apporté est conservé.</translation>
    </message>
    <message>
        <source>The feed&apos;s id (see feeds list).</source>
        <translation>L’identifiant du flux (voir feeds list).</translation>
    </message>
    <message>
        <source>feeds remove needs a feed id (see feeds list).</source>
        <translation>feeds remove a besoin de l’identifiant d’un flux (voir feeds list).</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Il n’y a pas de flux %1.</translation>
    </message>
    <message>
        <source>Removed feed %1.</source>
        <translation>Flux %1 supprimé.</translation>
    </message>
    <message>
        <source>Subscribe to every feed of an OPML file (folders kept).</source>
        <translation>S’abonner à tous les flux d’un fichier OPML (dossiers conservés).</translation>
    </message>
    <message>
        <source>The OPML file.</source>
        <translation>Le fichier OPML.</translation>
    </message>
    <message>
        <source>feeds import-opml needs the OPML file.</source>
        <translation>feeds import-opml a besoin du fichier OPML.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>%n flux ajouté.</numerusform>
            <numerusform>%n flux ajoutés.</numerusform>
        </translation>
    </message>
    <message>
        <source>  already followed: %1</source>
        <translation>  déjà suivi : %1</translation>
    </message>
    <message>
        <source>  not a feed address, skipped: %1</source>
        <translation>  pas une adresse de flux, ignoré : %1</translation>
    </message>
    <message>
        <source>  listed twice, added once: %1</source>
        <translation>  listé deux fois, ajouté une fois : %1</translation>
    </message>
    <message>
        <source>Write every subscription, in its folders, to an OPML file.</source>
        <translation>Écrire tous les abonnements, dans leurs dossiers, dans un fichier OPML.</translation>
    </message>
    <message>
        <source>The OPML file to write.</source>
        <translation>Le fichier OPML à écrire.</translation>
    </message>
    <message>
        <source>feeds export-opml needs the file to write.</source>
        <translation>feeds export-opml a besoin du fichier à écrire.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>%1 écrit.</translation>
    </message>
    <message>
        <source>Print it as JSON.</source>
        <translation>L’afficher en JSON.</translation>
    </message>
    <message>
        <source>%1 is larger than a feed may be.</source>
        <translation>%1 est plus grand qu’un flux ne peut l’être.</translation>
    </message>
    <message>
        <source>Format: %1</source>
        <translation>Format : %1</translation>
    </message>
    <message>
        <source>not a feed</source>
        <translation>pas un flux</translation>
    </message>
    <message>
        <source>Title: %1</source>
        <translation>Titre : %1</translation>
    </message>
    <message>
        <source>Link: %1</source>
        <translation>Lien : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n élément</numerusform>
            <numerusform>%n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>Error at %1:%2: %3</source>
        <translation>Erreur à %1:%2 : %3</translation>
    </message>
    <message>
        <source>%1 is not a feed.</source>
        <translation>%1 n’est pas un flux.</translation>
    </message>
    <message>
        <source>Usage: watercooler [--database PATH] feeds add|list|remove|import-opml|export-opml|parse ...
See feeds COMMAND --help.</source>
        <translation>Utilisation : watercooler [--database CHEMIN] feeds add|list|remove|import-opml|export-opml|parse ...
Voir feeds COMMANDE --help.</translation>
    </message>
    <message>
        <source>Unknown feeds command &quot;%1&quot;. Commands: add, list, remove, import-opml, export-opml, parse.</source>
        <translation>Commande feeds inconnue « %1 ». Commandes : add, list, remove, import-opml, export-opml, parse.</translation>
    </message>
    <message numerus="yes">
        <source>new: %n item(s)</source>
        <translation>
            <numerusform>nouveau : %n élément</numerusform>
            <numerusform>nouveaux : %n éléments</numerusform>
        </translation>
    </message>
    <message>
        <source>updated</source>
        <translation>mis à jour</translation>
    </message>
    <message>
        <source>not modified</source>
        <translation>inchangé</translation>
    </message>
    <message>
        <source>moved to %1</source>
        <translation>déplacé vers %1</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échec : %1</translation>
    </message>
    <message>
        <source>gone</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>Fetch the feeds that are due (or those given) and store what they bring.</source>
        <translation>Récupère les flux à actualiser (ou ceux indiqués) et enregistre ce qu’ils apportent.</translation>
    </message>
    <message>
        <source>Sync this feed (see feeds list); repeatable.</source>
        <translation>Synchroniser ce flux (voir feeds list) ; répétable.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Fetch feeds once.</source>
        <translation>Récupérer les flux une fois.</translation>
    </message>
    <message>
        <source>--feed needs a feed id (see feeds list), not &quot;%1&quot;.</source>
        <translation>--feed attend un identifiant de flux (voir feeds list), pas « %1 ».</translation>
    </message>
    <message>
        <source>Show a feed file or address exactly as Watercooler reads it; nothing is stored.</source>
        <translation>Afficher un fichier ou une adresse de flux exactement comme Watercooler le lit ; rien n’est enregistré.</translation>
    </message>
    <message>
        <source>The feed file, or its http(s) address.</source>
        <translation>Le fichier de flux, ou son adresse http(s).</translation>
    </message>
    <message>
        <source>feeds parse needs a feed file or address.</source>
        <translation>feeds parse a besoin d’un fichier ou d’une adresse de flux.</translation>
    </message>
</context>
<context>
    <name>CommunityCopyTask</name>
    <message>
        <source>Replacing the community in %1...</source>
        <translation>Remplacement de la communauté dans %1...</translation>
    </message>
    <message>
        <source>Copying the community to %1...</source>
        <translation>Copie de la communauté vers %1...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Copy Community</source>
        <translation>Copier la communauté</translation>
    </message>
    <message>
        <source>Replace Community?</source>
        <translation>Remplacer la communauté&#xa0;?</translation>
    </message>
    <message>
        <source>%1 already holds a community. Replace everything in it with a copy of this one? What it holds now is deleted.</source>
        <translation>%1 contient déjà une communauté. Voulez-vous remplacer tout son contenu par une copie de celle-ci&#xa0;? Son contenu actuel sera supprimé.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
</context>
<context>
    <name>ConcurrentChangeError</name>
    <message>
        <source>Someone else deleted this member while you were editing.</source>
        <translation>Quelqu’un d’autre a supprimé ce membre pendant que vous le modifiiez.</translation>
    </message>
    <message>
        <source>Someone else changed this member while you were editing. Reload to see their changes; your text stays here.</source>
        <translation>Quelqu’un d’autre a modifié ce membre pendant que vous le modifiiez. Rechargez pour voir ses modifications ; votre texte reste ici.</translation>
    </message>
</context>
<context>
    <name>ConnectDatabaseDialog</name>
    <message>
        <source>Connect to Team Database</source>
        <translation>Se connecter à une base de données d&apos;équipe</translation>
    </message>
    <message>
        <source>Open a community database that your team shares on a PostgreSQL server.</source>
        <translation>Ouvrez une base de données de communauté que votre équipe partage sur un serveur PostgreSQL.</translation>
    </message>
    <message>
        <source>e.g. community</source>
        <translation>p. ex. community</translation>
    </message>
    <message>
        <source>Empty: PGPASSWORD or ~/.pgpass</source>
        <translation>Vide : PGPASSWORD ou ~/.pgpass</translation>
    </message>
    <message>
        <source>prefer: encrypt when the server offers it; require: always encrypt; verify-ca and verify-full: also check the server&apos;s certificate.</source>
        <translation>prefer : chiffrer si le serveur le propose ; require : toujours chiffrer ; verify-ca et verify-full : vérifier aussi le certificat du serveur.</translation>
    </message>
    <message>
        <source>Remember password in the system keychain</source>
        <translation>Mémoriser le mot de passe dans le trousseau du système</translation>
    </message>
    <message>
        <source>Asking the system keychain...</source>
        <translation>Interrogation du trousseau du système...</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Hôte :</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort :</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mot de passe :</translation>
    </message>
    <message>
        <source>&amp;SSL mode:</source>
        <translation>Mode &amp;SSL :</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>Se &amp;connecter</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>&amp;Tester</translation>
    </message>
    <message>
        <source>Try to connect without opening the database</source>
        <translation>Essayer de se connecter sans ouvrir la base de données</translation>
    </message>
    <message>
        <source>No system keychain is running (%1). Watercooler asks for the password each session and never stores it anywhere else.</source>
        <translation>Aucun trousseau du système n&apos;est disponible (%1). Watercooler vous demande le mot de passe à chaque session et ne l&apos;enregistre nulle part ailleurs.</translation>
    </message>
    <message>
        <source>The system keychain refused: %1</source>
        <translation>Le trousseau du système a refusé : %1</translation>
    </message>
    <message>
        <source>Keeps the password in your desktop&apos;s keychain, not in Watercooler&apos;s settings.</source>
        <translation>Conserve le mot de passe dans le trousseau de votre bureau, et non dans les paramètres de Watercooler.</translation>
    </message>
    <message>
        <source>Connecting to %1...</source>
        <translation>Connexion à %1...</translation>
    </message>
    <message>
        <source>Connected: PostgreSQL %1</source>
        <translation>Connecté : PostgreSQL %1</translation>
    </message>
    <message>
        <source>The server asks for a password: %1</source>
        <translation>Le serveur demande un mot de passe : %1</translation>
    </message>
</context>
<context>
    <name>ConnectionLostError</name>
    <message>
        <source>Cannot reach %1 again: %2</source>
        <translation>Impossible de joindre à nouveau %1 : %2</translation>
    </message>
    <message>
        <source>The connection to the database server was lost. Nothing was saved by the last step; reconnect to go on.</source>
        <translation>La connexion au serveur de base de données a été perdue. La dernière étape n’a rien enregistré ; reconnectez-vous pour continuer.</translation>
    </message>
</context>
<context>
    <name>ConnectionProbe</name>
    <message>
        <source>The server did not answer.</source>
        <translation>Le serveur n&apos;a pas répondu.</translation>
    </message>
</context>
<context>
    <name>CopyCommunityDialog</name>
    <message>
        <source>Copy Community To</source>
        <translation>Copier la communauté vers</translation>
    </message>
    <message>
        <source>Copy every member, discussion, feed and assessment of %1 into another database. The copy keeps every id, so links between them stay intact.</source>
        <translation>Copie tous les membres, discussions, flux et évaluations de %1 dans une autre base de données. La copie conserve tous les identifiants, les liens entre eux restent donc intacts.</translation>
    </message>
    <message>
        <source>An SQLite &amp;file</source>
        <translation>Un &amp;fichier SQLite</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>p.&#xa0;ex. %1</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Parcourir...</translation>
    </message>
    <message>
        <source>A &amp;PostgreSQL server</source>
        <translation>Un serveur &amp;PostgreSQL</translation>
    </message>
    <message>
        <source>postgresql://user:password@host:5432/database</source>
        <translation>postgresql://utilisateur:motdepasse@serveur:5432/base</translation>
    </message>
    <message>
        <source>The database must exist on the server; Watercooler creates its tables.</source>
        <translation>La base de données doit déjà exister sur le serveur&#xa0;; Watercooler crée ses tables.</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite *.db)</source>
        <translation>Bases de données Watercooler (*.sqlite *.db)</translation>
    </message>
</context>
<context>
    <name>CredentialStore</name>
    <message>
        <source>The system keychain did not answer in time.</source>
        <translation>Le trousseau du système n&apos;a pas répondu à temps.</translation>
    </message>
</context>
<context>
    <name>DashboardPane</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Active in the last 30 days</source>
        <translation>Actifs ces 30 derniers jours</translation>
    </message>
    <message>
        <source>Posts in the last 30 days</source>
        <translation>Messages ces 30 derniers jours</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <source>Response rate (30 days)</source>
        <translation>Taux de réponse (30 jours)</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Top contributors (90 days)</source>
        <translation>Principaux contributeurs (90 jours)</translation>
    </message>
    <message>
        <source>Nothing to measure yet</source>
        <translation>Rien à mesurer pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript, and your community&apos;s activity shows up here.</source>
        <translation>Ajoutez un flux ou importez une transcription&#xa0;: l&apos;activité de votre communauté s&apos;affichera ici.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>The dashboard figures could not be read from the database.</source>
        <translation>Les chiffres du tableau de bord n&apos;ont pas pu être lus dans la base de données.</translation>
    </message>
    <message numerus="yes">
        <source>%n new in 30 days</source>
        <translation>
            <numerusform>%n nouveau en 30 jours</numerusform>
            <numerusform>%n nouveaux en 30 jours</numerusform>
        </translation>
    </message>
    <message>
        <source>%1% of all members</source>
        <translation>%1&#xa0;% de l&apos;ensemble des membres</translation>
    </message>
    <message>
        <source>%1 in total</source>
        <translation>%1 au total</translation>
    </message>
    <message numerus="yes">
        <source>%n without a reply (30 days)</source>
        <translation>
            <numerusform>%n sans réponse (30 jours)</numerusform>
            <numerusform>%n sans réponse (30 jours)</numerusform>
        </translation>
    </message>
    <message>
        <source>of new discussions got a reply</source>
        <translation>des nouvelles discussions ont reçu une réponse</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n post(s)</source>
        <translation>
            <numerusform>%1 — %n message</numerusform>
            <numerusform>%1 — %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>No database file was given.</source>
        <translation>Aucun fichier de base de données n&apos;a été indiqué.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a database file.</source>
        <translation>%1 est un dossier, et non un fichier de base de données.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 does not exist.</source>
        <translation>Impossible de créer %1&#xa0;: le dossier %2 n&apos;existe pas.</translation>
    </message>
    <message>
        <source>Cannot create %1: the folder %2 is not writable.</source>
        <translation>Impossible de créer %1&#xa0;: le dossier %2 n&apos;est pas accessible en écriture.</translation>
    </message>
    <message>
        <source>%1 cannot be read: permission denied.</source>
        <translation>Impossible de lire %1&#xa0;: permission refusée.</translation>
    </message>
    <message>
        <source>%1 is read-only: Watercooler needs to write to its database.</source>
        <translation>%1 est en lecture seule&#xa0;: Watercooler doit pouvoir écrire dans sa base de données.</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database.</source>
        <translation>%1 n&apos;est pas une base de données Watercooler.</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of Watercooler (schema %2; this version reads up to %3). Update Watercooler to open it.</source>
        <translation>%1 a été enregistré par une version plus récente de Watercooler (schéma %2&#xa0;; cette version lit jusqu&apos;au schéma %3). Mettez Watercooler à jour pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 is not a Watercooler database (%2).</source>
        <translation>%1 n&apos;est pas une base de données Watercooler (%2).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 needs an upgrade (schema %2 to %3), which this role may not do; ask the database owner to open it once with Watercooler.</source>
        <translation>%1 doit être mise à niveau (schéma %2 vers %3), ce que ce rôle n&apos;a pas le droit de faire ; demandez au propriétaire de la base de données de l&apos;ouvrir une fois avec Watercooler.</translation>
    </message>
</context>
<context>
    <name>DatabaseCopier</name>
    <message>
        <source>Cannot copy %1 onto itself: choose another database as the target.</source>
        <translation>Impossible de copier %1 sur elle-même&#xa0;: choisissez une autre base de données comme cible.</translation>
    </message>
    <message>
        <source>%1 has schema version %2 but the source has %3.</source>
        <translation>%1 a la version de schéma %2, mais la source a la version %3.</translation>
    </message>
    <message>
        <source>%1 holds tables this version of Watercooler cannot copy: %2.</source>
        <translation>%1 contient des tables que cette version de Watercooler ne sait pas copier&#xa0;: %2.</translation>
    </message>
    <message>
        <source>%1 has no table %2.</source>
        <translation>%1 n&apos;a pas de table %2.</translation>
    </message>
    <message>
        <source>Cannot copy the table %1: it has no primary key.</source>
        <translation>Impossible de copier la table %1&#xa0;: elle n&apos;a pas de clé primaire.</translation>
    </message>
    <message>
        <source>%1 is not empty: it already holds a community.</source>
        <translation>%1 n&apos;est pas vide&#xa0;: elle contient déjà une communauté.</translation>
    </message>
</context>
<context>
    <name>DiscussionsModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Last post</source>
        <translation>Dernier message</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>DiscussionsPane</name>
    <message>
        <source>Filter discussions by title</source>
        <translation>Filtrer les discussions par titre</translation>
    </message>
    <message>
        <source>Select a post to read it.</source>
        <translation>Sélectionnez un message pour le lire.</translation>
    </message>
    <message>
        <source>No discussions yet</source>
        <translation>Aucune discussion pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript to bring your community&apos;s conversations in.</source>
        <translation>Ajoutez un flux ou importez une transcription pour intégrer les conversations de votre communauté.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
</context>
<context>
    <name>FeedFetcher</name>
    <message>
        <source>The feed at %1 is larger than the limit of %2 MB.</source>
        <translation>Le flux %1 dépasse la limite de %2 Mo.</translation>
    </message>
    <message>
        <source>%1 redirects to an address that is not a web address: %2</source>
        <translation>%1 redirige vers une adresse qui n’est pas une adresse web : %2</translation>
    </message>
    <message>
        <source>%1 redirects in a loop.</source>
        <translation>%1 redirige en boucle.</translation>
    </message>
    <message>
        <source>%1 redirects more than %2 times.</source>
        <translation>%1 redirige plus de %2 fois.</translation>
    </message>
    <message>
        <source>The server at %1 did not answer within %2 seconds.</source>
        <translation>Le serveur %1 n’a pas répondu en %2 secondes.</translation>
    </message>
    <message>
        <source>The connection to %1 closed before the feed was complete.</source>
        <translation>La connexion à %1 s’est fermée avant que le flux soit complet.</translation>
    </message>
    <message>
        <source>The feed at %1 could not be read completely: %2</source>
        <translation>Le flux %1 n’a pas pu être lu entièrement : %2</translation>
    </message>
    <message>
        <source>The feed at %1 is gone for good (HTTP 410).</source>
        <translation>Le flux %1 a définitivement disparu (HTTP 410).</translation>
    </message>
    <message>
        <source>The feed at %1 was not found (HTTP 404).</source>
        <translation>Le flux %1 est introuvable (HTTP 404).</translation>
    </message>
    <message>
        <source>The server at %1 refused access to the feed (HTTP %2).</source>
        <translation>Le serveur %1 a refusé l’accès au flux (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 asks to wait before fetching again (HTTP %2).</source>
        <translation>Le serveur %1 demande d’attendre avant de relancer la récupération (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 had an internal error (HTTP %2).</source>
        <translation>Le serveur %1 a rencontré une erreur interne (HTTP %2).</translation>
    </message>
    <message>
        <source>The server at %1 answered with HTTP status %2.</source>
        <translation>Le serveur %1 a répondu avec le statut HTTP %2.</translation>
    </message>
    <message>
        <source>The server at %1 refused the connection.</source>
        <translation>Le serveur %1 a refusé la connexion.</translation>
    </message>
    <message>
        <source>The host %1 was not found.</source>
        <translation>L’hôte %1 est introuvable.</translation>
    </message>
    <message>
        <source>Could not fetch the feed at %1: %2</source>
        <translation>Impossible de récupérer le flux %1 : %2</translation>
    </message>
    <message>
        <source>The feed at %1 was sent compressed (%2), but the compressed data is damaged.</source>
        <translation>Le flux %1 a été envoyé compressé (%2), mais les données compressées sont endommagées.</translation>
    </message>
</context>
<context>
    <name>FeedItemsModel</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publié le</translation>
    </message>
</context>
<context>
    <name>FeedParser</name>
    <message>
        <source>The document has no root element.</source>
        <translation>Le document n’a pas d’élément racine.</translation>
    </message>
    <message>
        <source>The document is not a feed: its root element is &lt;%1&gt;.</source>
        <translation>Le document n’est pas un flux : son élément racine est &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>The JSON document is not a JSON Feed.</source>
        <translation>Le document JSON n’est pas un JSON Feed.</translation>
    </message>
    <message>
        <source>The document is %1 MB, more than the %2 MB a feed may have.</source>
        <translation>Le document fait %1 Mo, plus que les %2 Mo autorisés pour un flux.</translation>
    </message>
    <message>
        <source>The document is not XML or JSON.</source>
        <translation>Le document n’est ni du XML ni du JSON.</translation>
    </message>
</context>
<context>
    <name>FeedRepository</name>
    <message>
        <source>You already follow %1.</source>
        <translation>Vous suivez déjà %1.</translation>
    </message>
</context>
<context>
    <name>FeedSync</name>
    <message>
        <source>The server answered with HTTP status %1.</source>
        <translation>Le serveur a répondu avec le statut HTTP %1.</translation>
    </message>
    <message>
        <source>There is no feed %1.</source>
        <translation>Il n’y a pas de flux %1.</translation>
    </message>
    <message>
        <source>The document is not a feed (RSS, Atom or JSON Feed).</source>
        <translation>Le document n’est pas un flux (RSS, Atom ou JSON Feed).</translation>
    </message>
    <message>
        <source>The feed is broken at line %1, column %2: %3</source>
        <translation>Le flux est défectueux à la ligne %1, colonne %2 : %3</translation>
    </message>
    <message>
        <source>The server sent %1, not a feed (RSS, Atom or JSON Feed).</source>
        <translation>Le serveur a envoyé %1 et non un flux (RSS, Atom ou JSON Feed).</translation>
    </message>
</context>
<context>
    <name>FeedsModel</name>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last fetched: %1</source>
        <translation>Dernière récupération&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Pas encore récupéré</translation>
    </message>
    <message>
        <source>HTTP status: %1</source>
        <translation>Statut HTTP&#xa0;: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>Moved from %1</source>
        <translation>Déplacé depuis %1</translation>
    </message>
    <message>
        <source>Next fetch: %1</source>
        <translation>Prochaine récupération : %1</translation>
    </message>
    <message>
        <source>The feed is gone for good; it is no longer fetched.</source>
        <translation>Le flux a définitivement disparu ; il n’est plus récupéré.</translation>
    </message>
    <message>
        <source>Paused: not fetched.</source>
        <translation>En pause : pas récupéré.</translation>
    </message>
    <message>
        <source>All Items (%1)</source>
        <translation>Tous les articles (%1)</translation>
    </message>
    <message>
        <source>All Items</source>
        <translation>Tous les articles</translation>
    </message>
</context>
<context>
    <name>FeedsPane</name>
    <message>
        <source>Select an item to read it.</source>
        <translation>Sélectionnez un élément pour le lire.</translation>
    </message>
    <message>
        <source>No feeds yet</source>
        <translation>Aucun flux pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed to follow your community&apos;s blogs, forums and podcasts.</source>
        <translation>Ajoutez un flux pour suivre les blogs, forums et podcasts de votre communauté.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>Open the original</source>
        <translation>Ouvrir l&apos;original</translation>
    </message>
    <message>
        <source>Add Feed...</source>
        <translation>Ajouter un flux...</translation>
    </message>
    <message>
        <source>Import OPML...</source>
        <translation>Importer un fichier OPML...</translation>
    </message>
    <message>
        <source>Export OPML...</source>
        <translation>Exporter en OPML...</translation>
    </message>
    <message>
        <source>Import OPML</source>
        <translation>Importer un fichier OPML</translation>
    </message>
    <message>
        <source>OPML files (*.opml *.xml);;All files (*)</source>
        <translation>Fichiers OPML (*.opml *.xml);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>Added %n feed(s).</source>
        <translation>
            <numerusform>%n flux ajouté.</numerusform>
            <numerusform>%n flux ajoutés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) you already follow were skipped.</source>
        <translation>
            <numerusform>%n flux déjà suivi a été ignoré.</numerusform>
            <numerusform>%n flux déjà suivis ont été ignorés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) without a web address were skipped.</source>
        <translation>
            <numerusform>%n entrée sans adresse web a été ignorée.</numerusform>
            <numerusform>%n entrées sans adresse web ont été ignorées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export OPML</source>
        <translation>Exporter en OPML</translation>
    </message>
    <message>
        <source>OPML files (*.opml)</source>
        <translation>Fichiers OPML (*.opml)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
    </message>
    <message>
        <source>Sync Now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Syncing...</source>
        <translation>Synchronisation...</translation>
    </message>
    <message>
        <source>Cancel Sync</source>
        <translation>Annuler la synchronisation</translation>
    </message>
    <message numerus="yes">
        <source>%n new item(s)</source>
        <translation>
            <numerusform>%n nouvel élément</numerusform>
            <numerusform>%n nouveaux éléments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n feed(s) failed; see their tooltips</source>
        <translation>
            <numerusform>%n flux en échec ; voir son infobulle</numerusform>
            <numerusform>%n flux en échec ; voir leurs infobulles</numerusform>
        </translation>
    </message>
    <message>
        <source>Unread only</source>
        <translation>Non lus seulement</translation>
    </message>
    <message>
        <source>Load Images</source>
        <translation>Charger les images</translation>
    </message>
    <message>
        <source>Always Load for This Feed</source>
        <translation>Toujours charger pour ce flux</translation>
    </message>
    <message>
        <source>Fetched %1</source>
        <translation>Récupéré le %1</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Pas encore récupéré</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>gone for good; no longer fetched</source>
        <translation>disparu définitivement ; n&apos;est plus récupéré</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>next fetch %1</source>
        <translation>prochaine récupération le %1</translation>
    </message>
    <message>
        <source>Moved from %1 to %2</source>
        <translation>Déplacé de %1 vers %2</translation>
    </message>
    <message>
        <source>Sync Feed</source>
        <translation>Synchroniser le flux</translation>
    </message>
    <message>
        <source>Mark All as Read</source>
        <translation>Tout marquer comme lu</translation>
    </message>
    <message>
        <source>Open Website</source>
        <translation>Ouvrir le site web</translation>
    </message>
    <message>
        <source>Copy Feed Address</source>
        <translation>Copier l&apos;adresse du flux</translation>
    </message>
    <message>
        <source>Remove Feed...</source>
        <translation>Supprimer le flux...</translation>
    </message>
    <message>
        <source>Open the Original</source>
        <translation>Ouvrir l&apos;original</translation>
    </message>
    <message>
        <source>Copy Link</source>
        <translation>Copier le lien</translation>
    </message>
    <message>
        <source>Mark as Unread</source>
        <translation>Marquer comme non lu</translation>
    </message>
    <message>
        <source>Mark as Read</source>
        <translation>Marquer comme lu</translation>
    </message>
    <message>
        <source>Remove Star</source>
        <translation>Retirer l&apos;étoile</translation>
    </message>
    <message>
        <source>Star</source>
        <translation>Marquer d&apos;une étoile</translation>
    </message>
    <message>
        <source>Starred items are kept however many items the feed keeps.</source>
        <translation>Les articles marqués d&apos;une étoile sont conservés, quel que soit le nombre d&apos;articles gardés par le flux.</translation>
    </message>
    <message>
        <source>Remove Feed</source>
        <translation>Supprimer le flux</translation>
    </message>
    <message>
        <source>Stop following &quot;%1&quot;? Its items are removed from the feed list; the discussions and members they brought in stay.</source>
        <translation>Ne plus suivre « %1 » ? Ses articles sont retirés de la liste des flux ; les discussions et les membres qu&apos;ils ont apportés restent.</translation>
    </message>
    <message numerus="yes">
        <source>%n remote image(s) not loaded, so the sender cannot see that you read this.</source>
        <translation>
            <numerusform>%n image distante non chargée, pour que l&apos;expéditeur ne voie pas que vous lisez ceci.</numerusform>
            <numerusform>%n images distantes non chargées, pour que l&apos;expéditeur ne voie pas que vous lisez ceci.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FetchScheduler</name>
    <message>
        <source>Not fetched: the server at %1 asked to wait until %2.</source>
        <translation>Non récupéré : le serveur %1 a demandé d’attendre jusqu’au %2.</translation>
    </message>
</context>
<context>
    <name>Framework</name>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>JSON non valide&#xa0;: %1</translation>
    </message>
    <message>
        <source>A framework needs a key and a name.</source>
        <translation>Un référentiel doit avoir une clé et un nom.</translation>
    </message>
    <message>
        <source>Framework %1 has no stages.</source>
        <translation>Le référentiel %1 n&apos;a aucune étape.</translation>
    </message>
    <message>
        <source>A competency of %1 has no key or name.</source>
        <translation>Une compétence de %1 n&apos;a ni clé ni nom.</translation>
    </message>
    <message>
        <source>Competency %1 needs one criterion per stage (%2).</source>
        <translation>La compétence %1 doit avoir un critère par étape (%2).</translation>
    </message>
    <message>
        <source>Framework %1 has no competencies.</source>
        <translation>Le référentiel %1 n&apos;a aucune compétence.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Discussions</source>
        <translation>Discussions</translation>
    </message>
    <message>
        <source>Maturity</source>
        <translation>Maturité</translation>
    </message>
    <message>
        <source>Feeds</source>
        <translation>Flux</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open Database...</source>
        <translation>&amp;Ouvrir une base de données...</translation>
    </message>
    <message>
        <source>&amp;New Database...</source>
        <translation>&amp;Nouvelle base de données...</translation>
    </message>
    <message>
        <source>Open &amp;Sample Community</source>
        <translation>Ouvrir la &amp;communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;About Watercooler</source>
        <translation>À &amp;propos de Watercooler</translation>
    </message>
    <message>
        <source>Sample community</source>
        <translation>Communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>The community database this window shows</source>
        <translation>La base de données de communauté affichée dans cette fenêtre</translation>
    </message>
    <message>
        <source>Watercooler</source>
        <translation>Watercooler</translation>
    </message>
    <message>
        <source>Cannot open the community database</source>
        <translation>Impossible d&apos;ouvrir la base de données de la communauté</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Open Community Database</source>
        <translation>Ouvrir une base de données de communauté</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite *.db);;All files (*)</source>
        <translation>Bases de données Watercooler (*.sqlite *.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New Community Database</source>
        <translation>Nouvelle base de données de communauté</translation>
    </message>
    <message>
        <source>Watercooler databases (*.sqlite)</source>
        <translation>Bases de données Watercooler (*.sqlite)</translation>
    </message>
    <message>
        <source>%1 already exists. Use Open Database to open it.</source>
        <translation>%1 existe déjà. Utilisez «&#xa0;Ouvrir une base de données&#xa0;» pour l&apos;ouvrir.</translation>
    </message>
    <message>
        <source>The sample community is already open.</source>
        <translation>La communauté d&apos;exemple est déjà ouverte.</translation>
    </message>
    <message>
        <source>Creating the sample community...</source>
        <translation>Création de la communauté d&apos;exemple...</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The sample community could not be created: %1</source>
        <translation>La communauté d&apos;exemple n&apos;a pas pu être créée&#xa0;: %1</translation>
    </message>
    <message>
        <source>About Watercooler</source>
        <translation>À propos de Watercooler</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Knowledge isn&apos;t in our heads, it is between us.&lt;/p&gt;&lt;p&gt;Watercooler shows who talks with whom in your community, about what, how often, and how healthy the community is, from data you own, on your own desktop.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Watercooler %1&lt;/h3&gt;&lt;p&gt;Le savoir n&apos;est pas dans nos têtes, il est entre nous.&lt;/p&gt;&lt;p&gt;Watercooler montre qui parle avec qui dans votre communauté, de quoi, à quelle fréquence et à quel point la communauté est en bonne santé, à partir de données qui vous appartiennent, sur votre propre ordinateur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>Your role may read this database but not change it. Ask the database owner for write access.</source>
        <translation>Votre rôle peut lire cette base de données, mais pas la modifier. Demandez les droits d&apos;écriture au propriétaire de la base de données.</translation>
    </message>
    <message>
        <source>Connect to &amp;Team Database...</source>
        <translation>Se connec&amp;ter à une base de données d&apos;équipe...</translation>
    </message>
    <message>
        <source>The connection to %1 was lost. Changes you have not saved yet are still in their forms.</source>
        <translation>La connexion à %1 a été perdue. Les modifications que vous n’avez pas encore enregistrées restent dans leurs formulaires.</translation>
    </message>
    <message>
        <source>Connection Lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Se reconnecter</translation>
    </message>
    <message>
        <source>Work Offline</source>
        <translation>Travailler hors ligne</translation>
    </message>
    <message>
        <source>Not connected to %1</source>
        <translation>Non connecté à %1</translation>
    </message>
    <message>
        <source>Reconnected to %1</source>
        <translation>Reconnecté à %1</translation>
    </message>
    <message>
        <source>%1 (read-only)</source>
        <translation>%1 (lecture seule)</translation>
    </message>
    <message>
        <source>&amp;Copy Community To...</source>
        <translation>Co&amp;pier la communauté vers...</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n row(s) to %1.</source>
        <translation>
            <numerusform>%n ligne copiée vers %1.</numerusform>
            <numerusform>%n lignes copiées vers %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy Community</source>
        <translation>Copier la communauté</translation>
    </message>
    <message>
        <source>The community could not be copied: %1</source>
        <translation>La communauté n&apos;a pas pu être copiée&#xa0;: %1</translation>
    </message>
    <message>
        <source>The copy was cancelled; nothing was written.</source>
        <translation>La copie a été annulée&#xa0;; rien n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Syncing feeds</source>
        <translation>Synchronisation des flux</translation>
    </message>
    <message>
        <source>Fee&amp;ds</source>
        <translation>&amp;Flux</translation>
    </message>
    <message>
        <source>&amp;Add Feed...</source>
        <translation>&amp;Ajouter un flux...</translation>
    </message>
    <message>
        <source>&amp;Sync Feeds Now</source>
        <translation>&amp;Synchroniser les flux maintenant</translation>
    </message>
    <message>
        <source>&amp;Import OPML...</source>
        <translation>&amp;Importer un OPML...</translation>
    </message>
    <message>
        <source>&amp;Export OPML...</source>
        <translation>&amp;Exporter en OPML...</translation>
    </message>
    <message>
        <source>Syncing feeds: %1 of %2</source>
        <translation>Synchronisation des flux : %1 sur %2</translation>
    </message>
</context>
<context>
    <name>MaturityPane</name>
    <message>
        <source>Assessment:</source>
        <translation>Évaluation&#xa0;:</translation>
    </message>
    <message>
        <source>No assessments yet</source>
        <translation>Aucune évaluation pour l&apos;instant</translation>
    </message>
    <message>
        <source>Score your community against the Community Maturity Model to see where it stands and where to grow next.</source>
        <translation>Évaluez votre communauté selon le Community Maturity Model pour voir où elle en est et dans quelle direction la faire progresser.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>%1 · overall %2 of %3 · scored by %4</source>
        <translation>%1 · note globale %2 sur %3 · évaluée par %4</translation>
    </message>
</context>
<context>
    <name>MaturityRadarChart</name>
    <message>
        <source>Average</source>
        <translation>Moyenne</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Handles</source>
        <translation>Pseudonymes</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Réponses données</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Réponses reçues</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Première apparition</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Dernière activité</translation>
    </message>
</context>
<context>
    <name>MembersPane</name>
    <message>
        <source>Filter by name, handle or tag</source>
        <translation>Filtrer par nom, pseudonyme ou étiquette</translation>
    </message>
    <message>
        <source>Select a member to see their identities, tags, notes and recent posts.</source>
        <translation>Sélectionnez un membre pour voir ses identités, étiquettes, notes et messages récents.</translation>
    </message>
    <message>
        <source>No members yet</source>
        <translation>Aucun membre pour l&apos;instant</translation>
    </message>
    <message>
        <source>Add a feed or import a transcript: the people who write there become the members of your community.</source>
        <translation>Ajoutez un flux ou importez une transcription&#xa0;: les personnes qui y écrivent deviennent les membres de votre communauté.</translation>
    </message>
    <message>
        <source>Open Sample Community</source>
        <translation>Ouvrir la communauté d&apos;exemple</translation>
    </message>
    <message>
        <source>%1+ members</source>
        <translation>%1+ membres</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membre</numerusform>
            <numerusform>%n membres</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Replies given</source>
        <translation>Réponses données</translation>
    </message>
    <message>
        <source>Replies received</source>
        <translation>Réponses reçues</translation>
    </message>
    <message>
        <source>Mentioned</source>
        <translation>Mentionné</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s)</source>
        <translation>
            <numerusform>%n fois</numerusform>
            <numerusform>%n fois</numerusform>
        </translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Première apparition</translation>
    </message>
    <message>
        <source>Last active</source>
        <translation>Dernière activité</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>Identités</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Talks most with</source>
        <translation>Échange le plus avec</translation>
    </message>
    <message numerus="yes">
        <source>%n interaction(s)</source>
        <translation>
            <numerusform>%n interaction</numerusform>
            <numerusform>%n interactions</numerusform>
        </translation>
    </message>
    <message>
        <source>Recent posts</source>
        <translation>Messages récents</translation>
    </message>
    <message>
        <source>No posts yet.</source>
        <translation>Aucun message pour l&apos;instant.</translation>
    </message>
    <message>
        <source>The member&apos;s details could not be read from the database.</source>
        <translation>Les informations du membre n’ont pas pu être lues dans la base de données.</translation>
    </message>
    <message>
        <source>Private notes about this member</source>
        <translation>Notes privées sur ce membre</translation>
    </message>
    <message>
        <source>Save Notes</source>
        <translation>Enregistrer les notes</translation>
    </message>
    <message>
        <source>Unsaved Notes</source>
        <translation>Notes non enregistrées</translation>
    </message>
    <message>
        <source>Save your notes about the previous member?</source>
        <translation>Enregistrer vos notes sur le membre précédent ?</translation>
    </message>
    <message>
        <source>Changed by Someone Else</source>
        <translation>Modifié par quelqu’un d’autre</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recharger</translation>
    </message>
    <message>
        <source>Keep Editing</source>
        <translation>Continuer à modifier</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Non enregistré</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Enregistré</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <source>This database holds other data and is not a Watercooler database.</source>
        <translation>Cette base de données contient d&apos;autres données et n&apos;est pas une base de données Watercooler.</translation>
    </message>
    <message>
        <source>Cannot read migration %1.</source>
        <translation>Impossible de lire la migration %1.</translation>
    </message>
    <message>
        <source>Upgrading the database to version %1 failed: %2</source>
        <translation>La mise à niveau de la base de données vers la version %1 a échoué&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>OpmlDocument</name>
    <message>
        <source>Invalid XML at line %1: %2</source>
        <translation>XML invalide à la ligne %1 : %2</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <source>Not an OPML document: the root element is &lt;%1&gt;.</source>
        <translation>Ce n’est pas un document OPML : l’élément racine est &lt;%1&gt;.</translation>
    </message>
    <message>
        <source>Unsupported OPML version &quot;%1&quot;.</source>
        <translation>Version OPML non prise en charge « %1 ».</translation>
    </message>
    <message>
        <source>The OPML document has no body.</source>
        <translation>Le document OPML n’a pas de corps (body).</translation>
    </message>
    <message>
        <source>The OPML body has no outlines.</source>
        <translation>Le corps OPML ne contient aucune entrée (outline).</translation>
    </message>
</context>
<context>
    <name>OpmlSubscriptions</name>
    <message>
        <source>This is not a usable OPML file: %1</source>
        <translation>Ce n’est pas un fichier OPML utilisable : %1</translation>
    </message>
    <message>
        <source>Watercooler subscriptions</source>
        <translation>Abonnements Watercooler</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>The server asks for the password of %1 to open %2.</source>
        <translation>Le serveur demande le mot de passe de %1 pour ouvrir %2.</translation>
    </message>
    <message>
        <source>your role</source>
        <translation>votre rôle</translation>
    </message>
    <message>
        <source>That password was not accepted.</source>
        <translation>Ce mot de passe n&apos;a pas été accepté.</translation>
    </message>
    <message>
        <source>Team Database Password</source>
        <translation>Mot de passe de la base de données d&apos;équipe</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Cannot open the community database</source>
        <translation>Impossible d&apos;ouvrir la base de données de la communauté</translation>
    </message>
    <message>
        <source>No password given for %1.</source>
        <translation>Aucun mot de passe fourni pour %1.</translation>
    </message>
</context>
<context>
    <name>SqlQuery</name>
    <message>
        <source>Database error: %1 (in: %2)</source>
        <translation>Erreur de base de données&#xa0;: %1 (dans&#xa0;: %2)</translation>
    </message>
</context>
<context>
    <name>ThreadModel</name>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Posted</source>
        <translation>Publié le</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Deleted member</source>
        <translation>Membre supprimé</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <source>Could not start a transaction: %1</source>
        <translation>Impossible de démarrer une transaction&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not save the changes: %1</source>
        <translation>Impossible d&apos;enregistrer les modifications&#xa0;: %1</translation>
    </message>
    <message>
        <source>The changes were not saved because a step of them failed.</source>
        <translation>Les modifications n’ont pas été enregistrées, car l’une de leurs étapes a échoué.</translation>
    </message>
</context>
</TS>
