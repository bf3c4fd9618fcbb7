<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <source>&amp;About mask editor</source>
        <translation>&amp;À propos de l’éditeur de masques</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>Co&amp;pier</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Export masks…</source>
        <translation>&amp;Exporter les masques…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Fit image</source>
        <translation>&amp;Ajuster l’image</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;Import legacy masks…</source>
        <translation>&amp;Importer des masques anciens…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>&amp;Next pose</source>
        <translation>Pose &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Ouvrir un espace de travail…</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>&amp;Pose</source>
        <translation>&amp;Pose</translation>
    </message>
    <message>
        <source>&amp;Previous pose</source>
        <translation>Pose &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Reveal selection</source>
        <translation>&amp;Montrer la sélection</translation>
    </message>
    <message>
        <source>&amp;Select and move</source>
        <translation>Sélectionner et &amp;déplacer</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synchroniser maintenant</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Thème</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Actual size (&amp;100 %)</source>
        <translation>Taille réelle (&amp;100 %)</translation>
    </message>
    <message>
        <source>Bring masks from the old per-pose JSON files into this workspace (sync sends them)</source>
        <translation>Reprendre les masques des anciens fichiers JSON par pose dans cet espace de travail (la synchronisation les envoie)</translation>
    </message>
    <message>
        <source>Cancel the drag; else drop the area proposal; else leave the tool; else clear the selection</source>
        <translation>Annuler le glissement ; sinon abandonner la proposition de zone ; sinon quitter l&apos;outil ; sinon vider la sélection</translation>
    </message>
    <message>
        <source>Copy the selected masks (paste them into any pose)</source>
        <translation>Copier les masques sélectionnés (à coller dans n’importe quelle pose)</translation>
    </message>
    <message>
        <source>Copy the selected masks a few pixels away</source>
        <translation>Copier les masques sélectionnés à quelques pixels de distance</translation>
    </message>
    <message>
        <source>Copy the selected masks, then delete them</source>
        <translation>Copier les masques sélectionnés, puis les supprimer</translation>
    </message>
    <message>
        <source>Cover an &amp;area</source>
        <translation>Couvrir une &amp;zone</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Couper</translation>
    </message>
    <message>
        <source>D&amp;raw mask</source>
        <translation>D&amp;essiner un masque</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <source>Delete the selected masks (one undo step)</source>
        <translation>Supprimer les masques sélectionnés (une seule étape d’annulation)</translation>
    </message>
    <message>
        <source>Download every pose image of the current camera now, to work without a connection</source>
        <translation>Télécharger maintenant toutes les images de pose de la caméra actuelle, pour travailler sans connexion</translation>
    </message>
    <message>
        <source>Drag an area: get the fewest masks that drop every detection of the chosen size in it</source>
        <translation>Tracer une zone : obtenir le moins de masques possible qui font ignorer toute détection de la taille choisie dans cette zone</translation>
    </message>
    <message>
        <source>Drag on the image to draw a new mask</source>
        <translation>Faire glisser sur l’image pour dessiner un nouveau masque</translation>
    </message>
    <message>
        <source>Estimate where the sky is on this pose image and propose masks that silence it</source>
        <translation>Estimer où se trouve le ciel sur l’image de cette pose et proposer des masques qui le rendent muet</translation>
    </message>
    <message>
        <source>Fetch cameras, poses and the server&apos;s masks of every pose (local changes are kept)</source>
        <translation>Récupérer les caméras, les poses et les masques du serveur de chaque pose (les modifications locales sont gardées)</translation>
    </message>
    <message>
        <source>Fetch the server&apos;s masks of every pose of this camera (local changes are kept)</source>
        <translation>Récupérer les masques du serveur pour toutes les poses de cette caméra (les modifications locales sont gardées)</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Suivre le &amp;système</translation>
    </message>
    <message>
        <source>Follow the s&amp;ystem</source>
        <translation>Suivre le s&amp;ystème</translation>
    </message>
    <message>
        <source>For the selected conflicts: drop the local change and keep what the server has</source>
        <translation>Pour les conflits sélectionnés : abandonner la modification locale et garder ce qu’a le serveur</translation>
    </message>
    <message>
        <source>For the selected conflicts: keep the server&apos;s mask and add ours as a new one</source>
        <translation>Pour les conflits sélectionnés : garder le masque du serveur et ajouter le nôtre comme nouveau masque</translation>
    </message>
    <message>
        <source>For the selected conflicts: push this computer&apos;s box over the server&apos;s</source>
        <translation>Pour les conflits sélectionnés : envoyer le cadre de cet ordinateur à la place de celui du serveur</translation>
    </message>
    <message>
        <source>Forget the stored session; the workspace and unsynced changes stay on this computer</source>
        <translation>Oublier la session enregistrée ; l’espace de travail et les modifications non synchronisées restent sur cet ordinateur</translation>
    </message>
    <message>
        <source>Hold to pan with a left drag</source>
        <translation>Maintenir pour déplacer la vue avec un glissement gauche</translation>
    </message>
    <message>
        <source>Keep &amp;both versions</source>
        <translation>Garder les &amp;deux versions</translation>
    </message>
    <message>
        <source>Keep &amp;my version</source>
        <translation>Garder &amp;ma version</translation>
    </message>
    <message>
        <source>Make this camera available &amp;offline</source>
        <translation>Rendre cette caméra disponible &amp;hors ligne</translation>
    </message>
    <message>
        <source>Move the selected masks by one grid step (0.001 of the image)</source>
        <translation>Déplacer les masques sélectionnés d&apos;un pas de grille (0,001 de l&apos;image)</translation>
    </message>
    <message>
        <source>Move the selected masks by ten grid steps</source>
        <translation>Déplacer les masques sélectionnés de dix pas de grille</translation>
    </message>
    <message>
        <source>Open a workspace file</source>
        <translation>Ouvrir un fichier d’espace de travail</translation>
    </message>
    <message>
        <source>P&amp;ull this camera</source>
        <translation>&amp;Récupérer cette caméra</translation>
    </message>
    <message>
        <source>Past &amp;detections</source>
        <translation>&amp;Détections passées</translation>
    </message>
    <message>
        <source>Paste masks at the same relative position</source>
        <translation>Coller les masques à la même position relative</translation>
    </message>
    <message>
        <source>Propose s&amp;ky area</source>
        <translation>Proposer la zone de &amp;ciel</translation>
    </message>
    <message>
        <source>Pull &amp;everything</source>
        <translation>Récupérer &amp;tout</translation>
    </message>
    <message>
        <source>Pull that side&apos;s edge inward</source>
        <translation>Tirer ce bord vers l’intérieur</translation>
    </message>
    <message>
        <source>Push that side&apos;s edge outward</source>
        <translation>Pousser ce bord vers l’extérieur</translation>
    </message>
    <message>
        <source>Review what will change, then pull the server&apos;s masks and push local changes</source>
        <translation>Voir ce qui va changer, puis récupérer les masques du serveur et envoyer les modifications locales</translation>
    </message>
    <message>
        <source>Scroll the image to show the selected masks</source>
        <translation>Faire défiler l’image jusqu’aux masques sélectionnés</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>&amp;Tout sélectionner</translation>
    </message>
    <message>
        <source>Select &amp;none</source>
        <translation>&amp;Ne rien sélectionner</translation>
    </message>
    <message>
        <source>Select, move and resize masks</source>
        <translation>Sélectionner, déplacer et redimensionner les masques</translation>
    </message>
    <message>
        <source>Shade where a detection&apos;s centre must fall for the masks to drop it (IoU &gt; 0.1)</source>
        <translation>Ombrer l’endroit où doit tomber le centre d’une détection pour que les masques la fassent ignorer (IoU &gt; 0,1)</translation>
    </message>
    <message>
        <source>Show &amp;masks</source>
        <translation>Afficher les &amp;masques</translation>
    </message>
    <message>
        <source>Show or hide all masks on the image</source>
        <translation>Afficher ou masquer tous les masques sur l’image</translation>
    </message>
    <message>
        <source>Show suppression &amp;zone</source>
        <translation>Afficher la &amp;zone d’occultation</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>Se &amp;connecter…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>Sign in to a Pyronear server to list its cameras and sync masks</source>
        <translation>Se connecter à un serveur Pyronear pour lister ses caméras et synchroniser les masques</translation>
    </message>
    <message>
        <source>Take the &amp;server&apos;s version</source>
        <translation>Prendre la version du &amp;serveur</translation>
    </message>
    <message>
        <source>The detections of the last days on this pose: dropped or kept</source>
        <translation>Les détections des derniers jours sur cette pose : ignorées ou gardées</translation>
    </message>
    <message>
        <source>Undo &amp;history</source>
        <translation>&amp;Historique des annulations</translation>
    </message>
    <message>
        <source>Use the computer&apos;s language (applies at restart)</source>
        <translation>Utiliser la langue de l’ordinateur (au prochain démarrage)</translation>
    </message>
    <message>
        <source>Write this pose&apos;s or camera&apos;s masks as legacy JSON, a PNG mask, CSV or JSON</source>
        <translation>Écrire les masques de cette pose ou de cette caméra en JSON ancien format, en masque PNG, en CSV ou en JSON</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>Zoomer sur la &amp;sélection</translation>
    </message>
</context>
<context>
    <name>AreaTool</name>
    <message numerus="yes">
        <source>%n mask(s), lower bound %1</source>
        <translation>
            <numerusform>%n masque, borne inférieure %1</numerusform>
            <numerusform>%n masques, borne inférieure %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s), lower bound {bound}: together they drop every detection of this size lying inside {area}. No cover can use fewer than {bound}. Apply adds them as one undo step.</source>
        <translation>
            <numerusform>%n masque, borne inférieure {bound} : il fait ignorer toute détection de cette taille située dans {area}. Aucune couverture ne peut en utiliser moins de {bound}. Appliquer l’ajoute en une seule étape d’annulation.</numerusform>
            <numerusform>%n masques, borne inférieure {bound} : ensemble, ils font ignorer toute détection de cette taille située dans {area}. Aucune couverture ne peut en utiliser moins de {bound}. Appliquer les ajoute en une seule étape d’annulation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n mask(s) (Undo removes them all).</source>
        <translation>
            <numerusform>%n masque ajouté (Annuler le retire).</numerusform>
            <numerusform>%n masques ajoutés (Annuler les retire tous).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cover area</source>
        <translation>Couvrir la zone</translation>
    </message>
    <message>
        <source>Drag a rectangle over the area where no detection should go through.</source>
        <translation>Tracez un rectangle sur la zone où aucune détection ne doit passer.</translation>
    </message>
    <message>
        <source>No detection of this size fits inside {area}: nothing to cover.</source>
        <translation>Aucune détection de cette taille ne tient dans {area} : rien à couvrir.</translation>
    </message>
    <message>
        <source>No masks proposed: {error}</source>
        <translation>Aucun masque proposé : {error}</translation>
    </message>
    <message>
        <source>Planning masks for {area}…</source>
        <translation>Calcul des masques pour {area}…</translation>
    </message>
    <message>
        <source>Proposal discarded.</source>
        <translation>Proposition abandonnée.</translation>
    </message>
    <message numerus="yes">
        <source>The cover was undone: its %n mask(s) are gone again (Redo brings them back).</source>
        <translation>
            <numerusform>La couverture a été annulée : son %n masque est de nouveau retiré (Rétablir le remet).</numerusform>
            <numerusform>La couverture a été annulée : ses %n masques sont de nouveau retirés (Rétablir les remet).</numerusform>
        </translation>
    </message>
    <message>
        <source>the drawn area</source>
        <translation>la zone tracée</translation>
    </message>
    <message>
        <source>the sky area</source>
        <translation>la zone de ciel</translation>
    </message>
</context>
<context>
    <name>CanvasKeys</name>
    <message>
        <source>Nudge %1 masks</source>
        <translation>Décaler %1 masques</translation>
    </message>
    <message>
        <source>Nudge mask</source>
        <translation>Décaler le masque</translation>
    </message>
    <message>
        <source>Resize %1 masks</source>
        <translation>Redimensionner %1 masques</translation>
    </message>
    <message>
        <source>Resize mask</source>
        <translation>Redimensionner le masque</translation>
    </message>
</context>
<context>
    <name>CanvasTools</name>
    <message>
        <source>Draw mask</source>
        <translation>Dessiner un masque</translation>
    </message>
    <message>
        <source>Move %1 masks</source>
        <translation>Déplacer %1 masques</translation>
    </message>
    <message>
        <source>Move mask</source>
        <translation>Déplacer le masque</translation>
    </message>
    <message>
        <source>Resize mask</source>
        <translation>Redimensionner le masque</translation>
    </message>
</context>
<context>
    <name>Clipboard</name>
    <message>
        <source>Duplicate %1 masks</source>
        <translation>Dupliquer %1 masques</translation>
    </message>
    <message>
        <source>Duplicate mask</source>
        <translation>Dupliquer le masque</translation>
    </message>
    <message>
        <source>Paste %1 masks</source>
        <translation>Coller %1 masques</translation>
    </message>
    <message>
        <source>Paste mask</source>
        <translation>Coller un masque</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>Delete %1 masks</source>
        <translation>Supprimer %1 masques</translation>
    </message>
    <message>
        <source>Delete mask</source>
        <translation>Supprimer le masque</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Blended</source>
        <translation>Superposées</translation>
    </message>
    <message>
        <source>Compare the two views</source>
        <translation>Comparer les deux vues</translation>
    </message>
    <message>
        <source>Orange: the masks as they are, drawn on the image of %1. Blue, dashed: where shifting them with the view puts them on the latest image (%2). Blended: the latest image with the older one at half opacity.</source>
        <translation>Orange : les masques tels qu’ils sont, dessinés sur l’image du %1 ; bleu, en pointillés : là où les décaler avec la vue les place sur la dernière image (%2). Superposées : la dernière image avec l’ancienne à demi-opacité.</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>As last pulled</source>
        <translation>À la dernière récupération</translation>
    </message>
    <message>
        <source>Keep both versions</source>
        <translation>Garder les deux versions</translation>
    </message>
    <message>
        <source>Keep both versions (%1 masks)</source>
        <translation>Garder les deux versions (%1 masques)</translation>
    </message>
    <message>
        <source>Keep my version</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <source>Keep my version (%1 masks)</source>
        <translation>Garder ma version (%1 masques)</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Ma version</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Sur le serveur</translation>
    </message>
    <message>
        <source>Someone changed this mask on the server to {theirs} while you moved it to {ours}. Keep mine sends yours, take theirs keeps the server&apos;s, keep both keeps the two boxes.</source>
        <translation>Quelqu’un a modifié ce masque sur le serveur en {theirs} pendant que vous le déplaciez en {ours}. Garder ma version envoie la vôtre, prendre la version du serveur garde celle du serveur, garder les deux conserve les deux cadres.</translation>
    </message>
    <message>
        <source>Someone deleted this mask on the server while you changed it. Keep mine creates it again; take theirs removes it here.</source>
        <translation>Quelqu’un a supprimé ce masque sur le serveur pendant que vous le modifiiez. Garder ma version le recrée ; prendre la version du serveur le supprime ici.</translation>
    </message>
    <message>
        <source>Take the server&apos;s version</source>
        <translation>Prendre la version du serveur</translation>
    </message>
    <message>
        <source>Take the server&apos;s version (%1 masks)</source>
        <translation>Prendre la version du serveur (%1 masques)</translation>
    </message>
    <message>
        <source>Theirs (server)</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>You deleted this mask while someone changed it on the server to {theirs}. Keep mine deletes it on the server too; take theirs keeps the server&apos;s box.</source>
        <translation>Vous avez supprimé ce masque pendant que quelqu’un le modifiait sur le serveur en {theirs}. Garder ma version le supprime aussi sur le serveur ; prendre la version du serveur garde le cadre du serveur.</translation>
    </message>
    <message>
        <source>created {when}; it keeps no author and no time of change.</source>
        <translation>créé le {when} ; le serveur ne garde ni l’auteur ni l’heure des modifications.</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
<context>
    <name>DetectionSize</name>
    <message>
        <source>Custom…</source>
        <translation>Personnalisée…</translation>
    </message>
    <message>
        <source>Large 128×128 px</source>
        <translation>Grande 128×128 px</translation>
    </message>
    <message>
        <source>Medium 64×64 px</source>
        <translation>Moyenne 64×64 px</translation>
    </message>
    <message>
        <source>Small smoke 32×32 px</source>
        <translation>Petite fumée 32×32 px</translation>
    </message>
</context>
<context>
    <name>DriftBanner</name>
    <message>
        <source>%1 % down</source>
        <translation>%1 % vers le bas</translation>
    </message>
    <message>
        <source>%1 % left</source>
        <translation>%1 % vers la gauche</translation>
    </message>
    <message>
        <source>%1 % right</source>
        <translation>%1 % vers la droite</translation>
    </message>
    <message>
        <source>%1 % up</source>
        <translation>%1 % vers le haut</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message numerus="yes">
        <source>%n other mask(s) were drawn on other images and move by their own shift.</source>
        <translation>
            <numerusform>%n autre masque a été dessiné sur une autre image et se décale de son propre décalage.</numerusform>
            <numerusform>%n autres masques ont été dessinés sur d’autres images et se décalent chacun de leur propre décalage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare views</source>
        <translation>Comparer les vues</translation>
    </message>
    <message>
        <source>Keep the masks where they are and stop comparing with the older image</source>
        <translation>Garder les masques où ils sont et ne plus comparer avec l’ancienne image</translation>
    </message>
    <message>
        <source>Masks are right</source>
        <translation>Les masques sont justes</translation>
    </message>
    <message>
        <source>Move these masks with the view, in one step you can undo</source>
        <translation>Déplacer ces masques avec la vue, en une étape que vous pouvez annuler</translation>
    </message>
    <message>
        <source>Shift masks</source>
        <translation>Décaler les masques</translation>
    </message>
    <message>
        <source>Show the two images blended or side by side, with the masks on each</source>
        <translation>Montrer les deux images superposées ou côte à côte, avec les masques sur chacune</translation>
    </message>
    <message>
        <source>The view has moved %1 since %2 (the image these masks were drawn on).</source>
        <translation>La vue s’est déplacée de %1 depuis le %2 (l’image sur laquelle ces masques ont été dessinés).</translation>
    </message>
    <message>
        <source>none</source>
        <comment>no shift</comment>
        <translation>aucun</translation>
    </message>
</context>
<context>
    <name>DriftController</name>
    <message numerus="yes">
        <source>%n of them went past the image edge and were cut to it: they are selected, check them.</source>
        <translation>
            <numerusform>%n d’entre eux dépassait le bord de l’image et a été coupé : il est sélectionné, vérifiez-le.</numerusform>
            <numerusform>%n d’entre eux dépassaient le bord de l’image et ont été coupés : ils sont sélectionnés, vérifiez-les.</numerusform>
        </translation>
    </message>
    <message>
        <source>Every pose whose masks look out of place, worst first</source>
        <translation>Toutes les poses dont les masques semblent décalés, les pires d’abord</translation>
    </message>
    <message numerus="yes">
        <source>Keep %n mask(s) where they are</source>
        <translation>
            <numerusform>Garder %n masque à sa place</numerusform>
            <numerusform>Garder %n masques à leur place</numerusform>
        </translation>
    </message>
    <message>
        <source>Poses whose view &amp;moved…</source>
        <translation>Poses dont la vue a &amp;bougé…</translation>
    </message>
    <message numerus="yes">
        <source>Shift %n mask(s) with the view</source>
        <translation>
            <numerusform>Décaler %n masque avec la vue</numerusform>
            <numerusform>Décaler %n masques avec la vue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shifted %n mask(s) %1 with the view; they will be sent at the next sync.</source>
        <translation>
            <numerusform>%n masque décalé de %1 avec la vue ; il sera envoyé à la prochaine synchronisation.</numerusform>
            <numerusform>%n masques décalés de %1 avec la vue ; ils seront envoyés à la prochaine synchronisation.</numerusform>
        </translation>
    </message>
    <message>
        <source>moved %1 %</source>
        <translation>décalée de %1 %</translation>
    </message>
</context>
<context>
    <name>ExportCounts</name>
    <message numerus="yes">
        <source>%n pose(s) of %1 have no image in this workspace (%2), so their size is unknown: open them once while online (or pull) to fetch the images, then export again.</source>
        <translation>
            <numerusform>%n pose de %1 n’a pas d’image dans cet espace de travail (%2), sa taille est donc inconnue : ouvrez-la une fois en ligne (ou récupérez-la) pour télécharger l’image, puis exportez de nouveau.</numerusform>
            <numerusform>%n poses de %1 n’ont pas d’image dans cet espace de travail (%2), leur taille est donc inconnue : ouvrez-les une fois en ligne (ou récupérez-les) pour télécharger les images, puis exportez de nouveau.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>%1 has no image in this workspace, so its size is unknown: open it once while online (or pull) to fetch the image, then export again.</source>
        <translation>%1 n’a pas d’image dans cet espace de travail, sa taille est donc inconnue : ouvrez-la une fois en ligne (ou récupérez-la) pour télécharger l’image, puis exportez de nouveau.</translation>
    </message>
    <message>
        <source>%1 is a file: give a folder for the camera&apos;s export (one file per pose).</source>
        <translation>%1 est un fichier : donnez un dossier pour l’export de la caméra (un fichier par pose).</translation>
    </message>
    <message>
        <source>%1 is a folder: give a file name for this pose&apos;s export.</source>
        <translation>%1 est un dossier : donnez un nom de fichier pour l’export de cette pose.</translation>
    </message>
    <message numerus="yes">
        <source>All %n pose(s) of {camera}, one file each, into a folder</source>
        <translation>
            <numerusform>%n pose de {camera}, un fichier, dans un dossier</numerusform>
            <numerusform>Les %n poses de {camera}, un fichier par pose, dans un dossier</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Tableau CSV</translation>
    </message>
    <message>
        <source>Camera %1 has no active pose in this workspace.</source>
        <translation>La caméra %1 n’a aucune pose active dans cet espace de travail.</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>Export impossible</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export masks</source>
        <translation>Exporter les masques</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <source>Folder for the exported files</source>
        <translation>Dossier des fichiers exportés</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>JSON table</source>
        <translation>Tableau JSON</translation>
    </message>
    <message>
        <source>Legacy JSON (the old mask files)</source>
        <translation>JSON ancien format (les anciens fichiers de masques)</translation>
    </message>
    <message>
        <source>Masks deleted here are not exported; masks in conflict are exported as you have them.</source>
        <translation>Les masques supprimés ici ne sont pas exportés ; les masques en conflit sont exportés tels que vous les avez.</translation>
    </message>
    <message>
        <source>Output:</source>
        <translation>Sortie :</translation>
    </message>
    <message>
        <source>PNG mask (white = masked)</source>
        <translation>Masque PNG (blanc = masqué)</translation>
    </message>
    <message>
        <source>PNG size as a percentage of the pose image</source>
        <translation>Taille du PNG en pourcentage de l’image de la pose</translation>
    </message>
    <message>
        <source>PNG size:</source>
        <translation>Taille du PNG :</translation>
    </message>
    <message>
        <source>The PNG size must be more than 0 % and at most 100 % of the image.</source>
        <translation>La taille du PNG doit être supérieure à 0 % et au plus 100 % de l’image.</translation>
    </message>
    <message>
        <source>The file could not be written: %1 Any previous file there is unchanged.</source>
        <translation>Le fichier n’a pas pu être écrit : %1 Un fichier déjà présent à cet endroit reste inchangé.</translation>
    </message>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>Le dossier %1 n’existe pas.</translation>
    </message>
    <message>
        <source>There is no camera %1 in this workspace.</source>
        <translation>Il n’y a pas de caméra %1 dans cet espace de travail.</translation>
    </message>
    <message>
        <source>There is no pose %1 in this workspace.</source>
        <translation>Il n’y a pas de pose %1 dans cet espace de travail.</translation>
    </message>
    <message>
        <source>This pose: %1</source>
        <translation>Cette pose : %1</translation>
    </message>
    <message>
        <source>Where to write</source>
        <translation>Où écrire</translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation>caméra %1</translation>
    </message>
    <message>
        <source>{kind} files (*.{suffix})</source>
        <translation>Fichiers {kind} (*.{suffix})</translation>
    </message>
</context>
<context>
    <name>FalsePositives</name>
    <message numerus="yes">
        <source>%n detection(s): {dropped} dropped by the current masks, {kept} kept (the camera would alert).</source>
        <translation>
            <numerusform>%n détection (ignorées par les masques actuels : {dropped} ; gardées, la caméra donnerait l’alerte : {kept}).</numerusform>
            <numerusform>%n détections (ignorées par les masques actuels : {dropped} ; gardées, la caméra donnerait l’alerte : {kept}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n kept</source>
        <translation>
            <numerusform>%n gardée</numerusform>
            <numerusform>%n gardées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recurring spot(s).</source>
        <translation>
            <numerusform>%n point récurrent.</numerusform>
            <numerusform>%n points récurrents.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load past detections. {reason}</source>
        <translation>Impossible de charger les détections passées. {reason}</translation>
    </message>
    <message numerus="yes">
        <source>Demo detections, made up for this workspace (%n shown): with an account, Load reads the server&apos;s.</source>
        <translation>
            <numerusform>Détections de démonstration, inventées pour cet espace de travail (%n affichée) : avec un compte, Charger lit celles du serveur.</numerusform>
            <numerusform>Détections de démonstration, inventées pour cet espace de travail (%n affichées) : avec un compte, Charger lit celles du serveur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the detections of the last %n day(s)…</source>
        <translation>
            <numerusform>Chargement des détections sur %n jour…</numerusform>
            <numerusform>Chargement des détections des %n derniers jours…</numerusform>
        </translation>
    </message>
    <message>
        <source>Mask past detection</source>
        <translation>Masquer une détection passée</translation>
    </message>
    <message>
        <source>Mask past spot</source>
        <translation>Masquer un point récurrent</translation>
    </message>
    <message numerus="yes">
        <source>No detection on this pose in the last %n day(s).</source>
        <translation>
            <numerusform>Aucune détection sur cette pose depuis %n jour.</numerusform>
            <numerusform>Aucune détection sur cette pose ces %n derniers jours.</numerusform>
        </translation>
    </message>
    <message>
        <source>No mask overlaps it enough (IoU above 0.1): the camera would alert.</source>
        <translation>Aucun masque ne la recouvre assez (IoU au-dessus de 0,1) : la caméra donnerait l’alerte.</translation>
    </message>
    <message>
        <source>Not smoke</source>
        <translation>Pas de fumée</translation>
    </message>
    <message>
        <source>Other smoke</source>
        <translation>Autre fumée</translation>
    </message>
    <message>
        <source>Past detections come from the server: sign in (File › Sign in…) to load them. The masks themselves work offline.</source>
        <translation>Les détections passées viennent du serveur : connectez-vous (Fichier › Se connecter…) pour les charger. Les masques, eux, fonctionnent hors ligne.</translation>
    </message>
    <message>
        <source>Press Load to see this pose&apos;s detections of the last days.</source>
        <translation>Cliquez sur Charger pour voir les détections des derniers jours sur cette pose.</translation>
    </message>
    <message>
        <source>Spot ×%1</source>
        <translation>Point ×%1</translation>
    </message>
    <message>
        <source>The current masks already drop these detections.</source>
        <translation>Les masques actuels font déjà ignorer ces détections.</translation>
    </message>
    <message>
        <source>The current masks drop this detection: its IoU with one of them is above 0.1.</source>
        <translation>Les masques actuels font ignorer cette détection : son IoU avec l’un d’eux dépasse 0,1.</translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation>Non étiquetée</translation>
    </message>
    <message>
        <source>Wildfire</source>
        <translation>Feu de forêt</translation>
    </message>
    <message>
        <source>Your session has expired: sign in again to load past detections.</source>
        <translation>Votre session a expiré : reconnectez-vous pour charger les détections passées.</translation>
    </message>
    <message>
        <source>all dropped</source>
        <translation>toutes ignorées</translation>
    </message>
    <message>
        <source>all kept</source>
        <translation>toutes gardées</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>ignorée</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>gardée</translation>
    </message>
    <message>
        <source>{when}, a lone detection (it joined no sequence)</source>
        <translation>{when}, une détection isolée (dans aucune séquence)</translation>
    </message>
    <message>
        <source>{when}, sequence {sequence}</source>
        <translation>{when}, séquence {sequence}</translation>
    </message>
    <message>
        <source>⚠ Real wildfire would be silenced.</source>
        <translation>⚠ Un vrai feu de forêt serait rendu muet.</translation>
    </message>
</context>
<context>
    <name>FalsePositivesPanel</name>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Add masks (the detection box grown by 10 %) that drop the selected detection or every detection of the selected spot: one undo step</source>
        <translation>Ajouter des masques (le cadre de la détection agrandi de 10 %) qui font ignorer la détection sélectionnée ou toutes celles du point sélectionné : une seule étape d’annulation</translation>
    </message>
    <message>
        <source>Conf.</source>
        <translation>Conf.</translation>
    </message>
    <message>
        <source>Filled: the masks drop it. Outlined: the camera keeps it (would alert). Red wildfire · violet other smoke · amber not smoke · grey unlabelled.</source>
        <translation>Plein : les masques la font ignorer. Contour : la caméra la garde (donnerait l’alerte). Rouge feu de forêt · violet autre fumée · ambre pas de fumée · gris sans étiquette.</translation>
    </message>
    <message>
        <source>Heat map of recurring spots</source>
        <translation>Carte de chaleur des points récurrents</translation>
    </message>
    <message>
        <source>How far back to look for detections on this pose</source>
        <translation>Jusqu’où remonter dans le temps pour les détections de cette pose</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Last</source>
        <comment>before a number of days</comment>
        <translation>Derniers</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Mask this</source>
        <translation>Masquer ceci</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masques</translation>
    </message>
    <message>
        <source>Month-day hour:minute, local time (%1); the year is in the tooltip</source>
        <translation>Mois-jour heure:minute, heure locale (%1) ; l&apos;année est dans l&apos;infobulle</translation>
    </message>
    <message>
        <source>When (%1)</source>
        <translation>Quand (%1)</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Exported %1 and %2 more files.</source>
        <translation>%1 et %2 autres fichiers exportés.</translation>
    </message>
    <message>
        <source>Exported %1 and one more file.</source>
        <translation>%1 et un autre fichier exportés.</translation>
    </message>
    <message>
        <source>Exported %1.</source>
        <translation>%1 exporté.</translation>
    </message>
    <message>
        <source>Open a pose first: export writes the masks of a pose or of its camera.</source>
        <translation>Ouvrez d’abord une pose : l’export écrit les masques d’une pose ou de sa caméra.</translation>
    </message>
</context>
<context>
    <name>FleetDialog</name>
    <message numerus="yes">
        <source>%n of %1 pose(s) with masks moved by more than %2 % of the width since their masks were drawn, worst first. Double-click a pose to open it.</source>
        <translation>
            <numerusform>%n pose avec masques sur %1 a bougé de plus de %2 % de la largeur depuis que ses masques ont été dessinés. Double-cliquez sur une pose pour l’ouvrir.</numerusform>
            <numerusform>%n poses avec masques sur %1 ont bougé de plus de %2 % de la largeur depuis que leurs masques ont été dessinés, les pires d’abord. Double-cliquez sur une pose pour l’ouvrir.</numerusform>
        </translation>
    </message>
    <message>
        <source>Compared: each pose&apos;s latest image with the image its masks were drawn on. The image history keeps up to %1 images per pose and %2 MB in all, the oldest dropped first (settings: history/per_pose, history/total_mb; the threshold: drift/threshold_percent).</source>
        <translation>Comparaison : la dernière image de chaque pose avec l’image sur laquelle ses masques ont été dessinés. L’historique garde jusqu’à %1 images par pose et %2 Mo en tout, les plus anciennes supprimées d’abord (réglages : history/per_pose, history/total_mb ; le seuil : drift/threshold_percent).</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masques</translation>
    </message>
    <message>
        <source>Masks drawn on</source>
        <translation>Masques dessinés le</translation>
    </message>
    <message>
        <source>Moved by</source>
        <translation>Décalage</translation>
    </message>
    <message numerus="yes">
        <source>No pose&apos;s view has moved since its masks were drawn (%n pose(s) compared).</source>
        <translation>
            <numerusform>Aucune vue n’a bougé depuis que les masques ont été dessinés (%n pose comparée).</numerusform>
            <numerusform>Aucune vue n’a bougé depuis que les masques ont été dessinés (%n poses comparées).</numerusform>
        </translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>Pose</translation>
    </message>
    <message>
        <source>Pose %1</source>
        <translation>Pose %1</translation>
    </message>
    <message>
        <source>Poses whose view moved</source>
        <translation>Poses dont la vue a bougé</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>#%1 (server %2)</source>
        <translation>#%1 (serveur %2)</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>il y a %1 jours</translation>
    </message>
    <message>
        <source>%1 hours ago</source>
        <translation>il y a %1 heures</translation>
    </message>
    <message>
        <source>%1 minutes ago</source>
        <translation>il y a %1 minutes</translation>
    </message>
    <message>
        <source>%1 months ago</source>
        <translation>il y a %1 mois</translation>
    </message>
    <message>
        <source>%1 weeks ago</source>
        <translation>il y a %1 semaines</translation>
    </message>
    <message>
        <source>%1 years ago</source>
        <translation>il y a %1 ans</translation>
    </message>
    <message>
        <source>%1 · pose %2 · %3</source>
        <translation>%1 · pose %2 · %3</translation>
    </message>
    <message>
        <source>%1, suspicious</source>
        <translation>%1, suspect</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1 ; %2</translation>
    </message>
    <message>
        <source>1 day ago</source>
        <translation>il y a 1 jour</translation>
    </message>
    <message>
        <source>1 hour ago</source>
        <translation>il y a 1 heure</translation>
    </message>
    <message>
        <source>1 minute ago</source>
        <translation>il y a 1 minute</translation>
    </message>
    <message>
        <source>1 month ago</source>
        <translation>il y a 1 mois</translation>
    </message>
    <message>
        <source>1 week ago</source>
        <translation>il y a 1 semaine</translation>
    </message>
    <message>
        <source>1 year ago</source>
        <translation>il y a 1 an</translation>
    </message>
    <message>
        <source>Added %1 (%2)</source>
        <translation>Ajouté le %1 (%2)</translation>
    </message>
    <message>
        <source>Added %1: check it still matches something in the image</source>
        <translation>Ajouté %1 : vérifiez qu’il couvre encore quelque chose dans l’image</translation>
    </message>
    <message>
        <source>Added here; the next sync sends it to the server.</source>
        <translation>Ajouté ici ; la prochaine synchronisation l’envoie au serveur.</translation>
    </message>
    <message>
        <source>Changed here and on the server: choose which box to keep.</source>
        <translation>Modifié ici et sur le serveur : choisissez le cadre à garder.</translation>
    </message>
    <message>
        <source>Changed here; the next sync sends the change.</source>
        <translation>Modifié ici ; la prochaine synchronisation envoie la modification.</translation>
    </message>
    <message>
        <source>Deleted here; the next sync deletes it on the server.</source>
        <translation>Supprimé ici ; la prochaine synchronisation le supprime sur le serveur.</translation>
    </message>
    <message>
        <source>On the server since %1 (%2)</source>
        <translation>Sur le serveur depuis le %1 (%2)</translation>
    </message>
    <message>
        <source>Same as on the server at the last sync.</source>
        <translation>Identique au serveur lors de la dernière synchronisation.</translation>
    </message>
    <message>
        <source>Server text: %1</source>
        <translation>Texte du serveur : %1</translation>
    </message>
    <message>
        <source>Suspicious: the server&apos;s text for this mask needed repair:</source>
        <translation>Suspect : le texte de ce masque sur le serveur a dû être réparé :</translation>
    </message>
    <message>
        <source>The server refused the last push: %1</source>
        <translation>Le serveur a refusé le dernier envoi : %1</translation>
    </message>
    <message>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <source>contains spaces</source>
        <translation>contient des espaces</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>has %1 values instead of 4</source>
        <translation>a %1 valeurs au lieu de 4</translation>
    </message>
    <message>
        <source>has a fifth value (a legacy confidence), ignored</source>
        <translation>a une cinquième valeur (une ancienne confiance), ignorée</translation>
    </message>
    <message>
        <source>has a value that is not a finite number</source>
        <translation>a une valeur qui n’est pas un nombre fini</translation>
    </message>
    <message>
        <source>has a value that is not a number</source>
        <translation>a une valeur qui n’est pas un nombre</translation>
    </message>
    <message>
        <source>has its corners swapped</source>
        <translation>a ses coins inversés</translation>
    </message>
    <message>
        <source>has more than 3 decimals, rounded</source>
        <translation>a plus de 3 décimales, arrondies</translation>
    </message>
    <message>
        <source>has values outside [0, 1], clamped</source>
        <translation>a des valeurs hors de [0, 1], ramenées dans l’intervalle</translation>
    </message>
    <message>
        <source>has whitespace around it (such as a trailing newline)</source>
        <translation>a des espaces autour (un saut de ligne final, par exemple)</translation>
    </message>
    <message>
        <source>has zero width or height</source>
        <translation>a une largeur ou une hauteur nulle</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>dans le futur</translation>
    </message>
    <message>
        <source>is not in the server&apos;s format</source>
        <translation>n’est pas au format du serveur</translation>
    </message>
    <message>
        <source>is not wrapped in parentheses</source>
        <translation>n’est pas entre parenthèses</translation>
    </message>
    <message>
        <source>is too narrow to store: under 0.001 of the image width</source>
        <translation>est trop étroit pour être enregistré : moins de 0,001 de la largeur de l’image</translation>
    </message>
    <message>
        <source>is too short to store: under 0.001 of the image height</source>
        <translation>est trop bas pour être enregistré : moins de 0,001 de la hauteur de l’image</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l’instant</translation>
    </message>
    <message>
        <source>new</source>
        <translation>nouveau</translation>
    </message>
    <message>
        <source>pose %2 · %3</source>
        <translation>pose %2 · %3</translation>
    </message>
    <message>
        <source>synced</source>
        <translation>synchronisé</translation>
    </message>
    <message>
        <source>the text could not be read as a box</source>
        <translation>le texte n’a pas pu être lu comme un cadre</translation>
    </message>
    <message>
        <source>unknown azimuth</source>
        <translation>azimut inconnu</translation>
    </message>
    <message>
        <source>uses square brackets instead of parentheses</source>
        <translation>utilise des crochets au lieu de parenthèses</translation>
    </message>
</context>
<context>
    <name>ImageLayer</name>
    <message>
        <source>No image cached for this pose yet</source>
        <translation>Aucune image de cette pose n’est encore en cache</translation>
    </message>
    <message>
        <source>The image file is damaged: %1</source>
        <translation>Le fichier image est endommagé : %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) skipped: already on the pose, or unreadable.</source>
        <translation>
            <numerusform>%n cadre ignoré : déjà sur la pose, ou illisible.</numerusform>
            <numerusform>%n cadres ignorés : déjà sur la pose, ou illisibles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) to add to %1 poses.</source>
        <translation>
            <numerusform>%n cadre à ajouter sur %1 poses.</numerusform>
            <numerusform>%n cadres à ajouter sur %1 poses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) to add to one pose.</source>
        <translation>
            <numerusform>%n cadre à ajouter sur une pose.</numerusform>
            <numerusform>%n cadres à ajouter sur une pose.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be imported.</source>
        <translation>
            <numerusform>%n fichier ne peut pas être importé.</numerusform>
            <numerusform>%n fichiers ne peuvent pas être importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported (see the last column).</source>
        <translation>
            <numerusform>%n fichier n&apos;a pas pu être importé (voir la dernière colonne).</numerusform>
            <numerusform>%n fichiers n&apos;ont pas pu être importés (voir la dernière colonne).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of %1 cannot be imported.</source>
        <translation>
            <numerusform>%n fichier sur %1 ne peut pas être importé.</numerusform>
            <numerusform>%n fichiers sur %1 ne peuvent pas être importés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) imported on %1 poses.</source>
        <translation>
            <numerusform>%n masque importé sur %1 poses.</numerusform>
            <numerusform>%n masques importés sur %1 poses.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) imported on one pose.</source>
        <translation>
            <numerusform>%n masque importé sur une pose.</numerusform>
            <numerusform>%n masques importés sur une pose.</numerusform>
        </translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Azimuth tolerance:</source>
        <translation>Tolérance d&apos;azimut :</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vider</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Folder of legacy mask files</source>
        <translation>Dossier de fichiers de masques anciens</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Trouvées</translation>
    </message>
    <message>
        <source>How far a pose&apos;s azimuth may be from the one in the file name</source>
        <translation>Écart permis entre l&apos;azimut d&apos;une pose et celui du nom de fichier</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l&apos;import</translation>
    </message>
    <message>
        <source>Import legacy masks</source>
        <translation>Importer des masques anciens</translation>
    </message>
    <message>
        <source>Legacy files are named &lt;site&gt;_&lt;azimuth&gt;.json or &lt;site&gt;_&lt;pose id&gt;.json, the site being the camera name without its number (nemours for nemours-01 and nemours-02). Their boxes become new masks on the matching poses; the next sync sends them. Boxes a pose already has are skipped.</source>
        <translation>Les anciens fichiers s’appellent &lt;site&gt;_&lt;azimut&gt;.json ou &lt;site&gt;_&lt;id de pose&gt;.json, le site étant le nom de la caméra sans son numéro (nemours pour nemours-01 et nemours-02). Leurs cadres deviennent de nouveaux masques sur les poses correspondantes ; la prochaine synchronisation les envoie. Les cadres qu’une pose a déjà sont ignorés.</translation>
    </message>
    <message>
        <source>Legacy mask files</source>
        <translation>Fichiers de masques anciens</translation>
    </message>
    <message>
        <source>Legacy masks (*.json)</source>
        <translation>Masques anciens (*.json)</translation>
    </message>
    <message>
        <source>Match each file by its name</source>
        <translation>Associer chaque fichier d&apos;après son nom</translation>
    </message>
    <message>
        <source>No box to add.</source>
        <translation>Aucun cadre à ajouter.</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Aucun fichier choisi.</translation>
    </message>
    <message>
        <source>No mask was imported.</source>
        <translation>Aucun masque n’a été importé.</translation>
    </message>
    <message>
        <source>Nothing more was imported: %1</source>
        <translation>Rien de plus n&apos;a été importé : %1</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>Pose</translation>
    </message>
    <message>
        <source>Put the boxes on:</source>
        <translation>Mettre les cadres sur :</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ignorées</translation>
    </message>
    <message>
        <source>The next sync sends the new masks.</source>
        <translation>La prochaine synchronisation envoie les nouveaux masques.</translation>
    </message>
    <message>
        <source>The pose chosen is no longer in this workspace.</source>
        <translation>La pose choisie n’est plus dans cet espace de travail.</translation>
    </message>
    <message>
        <source>There is no file or folder at %1.</source>
        <translation>Il n’y a ni fichier ni dossier à l’emplacement %1.</translation>
    </message>
    <message>
        <source>To add</source>
        <translation>À ajouter</translation>
    </message>
    <message>
        <source>Why skipped / not imported</source>
        <translation>Pourquoi ignorées / non importé</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <source>%1 (%2 at %3°)</source>
        <translation>%1 (%2 à %3°)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Ambiguous: %1 is near the azimuth of pose %2 and is also the id of pose %3. Choose the pose under &quot;Put the boxes on&quot;.</source>
        <translation>Ambigu : %1 est proche de l’azimut de la pose %2 et c’est aussi l’id de la pose %3. Choisissez la pose dans « Mettre les cadres sur ».</translation>
    </message>
    <message>
        <source>Ambiguous: poses %1 are equally near azimuth %2. Choose the pose under &quot;Put the boxes on&quot;.</source>
        <translation>Ambigu : les poses %1 sont aussi proches l’une que l’autre de l’azimut %2. Choisissez la pose dans « Mettre les cadres sur ».</translation>
    </message>
    <message>
        <source>No active pose within %1° of azimuth %2, and no pose with id %2 (azimuths: %3). Choose the pose under &quot;Put the boxes on&quot;, or widen the azimuth tolerance.</source>
        <translation>Aucune pose active à moins de %1° de l’azimut %2, et aucune pose d’id %2 (azimuts : %3). Choisissez la pose dans « Mettre les cadres sur », ou élargissez la tolérance d’azimut.</translation>
    </message>
    <message>
        <source>No camera named %1-NN in this workspace: pull the camera list, or choose the pose under &quot;Put the boxes on&quot;.</source>
        <translation>Aucune caméra nommée %1-NN dans cet espace de travail : récupérez la liste des caméras, ou choisissez la pose dans « Mettre les cadres sur ».</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1.</source>
        <translation>Le fichier ne peut pas être importé : %1.</translation>
    </message>
    <message>
        <source>The file cannot be read (%1).</source>
        <translation>Le fichier ne peut pas être lu (%1).</translation>
    </message>
    <message>
        <source>The file cannot be read: it is not UTF-8 text.</source>
        <translation>Le fichier ne peut pas être lu : ce n’est pas du texte UTF-8.</translation>
    </message>
    <message>
        <source>The name is not &lt;site&gt;_&lt;azimuth&gt;.json or &lt;site&gt;_&lt;pose id&gt;.json: choose the pose under &quot;Put the boxes on&quot;.</source>
        <translation>Le nom n’est pas de la forme &lt;site&gt;_&lt;azimut&gt;.json ou &lt;site&gt;_&lt;id de pose&gt;.json : choisissez la pose dans « Mettre les cadres sur ».</translation>
    </message>
    <message>
        <source>a value is not a finite number</source>
        <translation>une valeur n’est pas un nombre fini</translation>
    </message>
    <message>
        <source>a value is not a number</source>
        <translation>une valeur n’est pas un nombre</translation>
    </message>
    <message>
        <source>corners were swapped</source>
        <translation>les coins étaient inversés</translation>
    </message>
    <message>
        <source>expected a JSON object of {&quot;time&quot;: [x1, y1, x2, y2, conf]}</source>
        <translation>un objet JSON {&quot;date&quot;: [x1, y1, x2, y2, conf]} était attendu</translation>
    </message>
    <message>
        <source>expected a list of 4 or 5 numbers</source>
        <translation>une liste de 4 ou 5 nombres était attendue</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>same box as entry %1 of %2</source>
        <translation>même cadre que l’entrée %1 de %2</translation>
    </message>
    <message>
        <source>same box as entry %1 of this file</source>
        <translation>même cadre que l’entrée %1 de ce fichier</translation>
    </message>
    <message>
        <source>the box has zero width or height</source>
        <translation>le cadre a une largeur ou une hauteur nulle</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>the key is not a time like 2025-06-06 12:23:45</source>
        <translation>la clé n’est pas une date comme 2025-06-06 12:23:45</translation>
    </message>
    <message>
        <source>the pose already has this box (mask #%1, not synced yet)</source>
        <translation>la pose a déjà ce cadre (masque n° %1, pas encore synchronisé)</translation>
    </message>
    <message>
        <source>the pose already has this box (mask #%1, server id %2)</source>
        <translation>la pose a déjà ce cadre (masque n° %1, id serveur %2)</translation>
    </message>
    <message>
        <source>the pose had this box as mask #%1, deleted here (it stays deleted)</source>
        <translation>la pose avait ce cadre comme masque n° %1, supprimé ici (il reste supprimé)</translation>
    </message>
    <message>
        <source>this is not valid JSON (line %1, column %2)</source>
        <translation>ce n’est pas du JSON valide (ligne %1, colonne %2)</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>illisible</translation>
    </message>
    <message>
        <source>values outside [0, 1] were clamped</source>
        <translation>les valeurs hors de [0, 1] ont été ramenées dans l’image</translation>
    </message>
</context>
<context>
    <name>Insight</name>
    <message>
        <source>Looking for the sky on the pose image…</source>
        <translation>Recherche du ciel sur l’image de la pose…</translation>
    </message>
    <message>
        <source>Past detections</source>
        <translation>Détections passées</translation>
    </message>
    <message>
        <source>The sky could not be estimated: {error}</source>
        <translation>Le ciel n’a pas pu être estimé : {error}</translation>
    </message>
    <message>
        <source>This pose has no image yet: the sky cannot be estimated.</source>
        <translation>Cette pose n’a pas encore d’image : le ciel ne peut pas être estimé.</translation>
    </message>
    <message>
        <source>What masks do</source>
        <translation>Effet des masques</translation>
    </message>
    <message>
        <source>the sky area (%1 % of the image)</source>
        <translation>la zone de ciel (%1 % de l’image)</translation>
    </message>
</context>
<context>
    <name>InsightPanel</name>
    <message>
        <source>% of image</source>
        <translation>% de l’image</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Choose an area: every detection of the size above lying inside it will be dropped by the fewest masks found.</source>
        <translation>Choisissez une zone : toute détection de la taille ci-dessus qui s’y trouve sera ignorée grâce au plus petit nombre de masques trouvé.</translation>
    </message>
    <message>
        <source>Cover an area</source>
        <translation>Couvrir une zone</translation>
    </message>
    <message>
        <source>Detection height</source>
        <translation>Hauteur de la détection</translation>
    </message>
    <message>
        <source>Detection size</source>
        <translation>Taille de détection</translation>
    </message>
    <message>
        <source>Detection width</source>
        <translation>Largeur de la détection</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <source>Draw area</source>
        <translation>Tracer une zone</translation>
    </message>
    <message>
        <source>Estimate where the sky is on this pose image and cover it (for admins preparing a camera)</source>
        <translation>Estimer où se trouve le ciel sur l’image de cette pose et le couvrir (pour les administrateurs qui préparent une caméra)</translation>
    </message>
    <message>
        <source>Propose sky area</source>
        <translation>Proposer la zone de ciel</translation>
    </message>
    <message>
        <source>Shade the suppression zone</source>
        <translation>Ombrer la zone d’occultation</translation>
    </message>
    <message>
        <source>Suppression zone</source>
        <translation>Zone d’occultation</translation>
    </message>
    <message>
        <source>The devices drop a detection only when its overlap with a mask (IoU) is above 0.1: a big mask does not silence a small detection inside it.</source>
        <translation>Une détection est ignorée quand son IoU avec un masque dépasse 0,1 : un grand masque ne rend pas muette une petite détection à l’intérieur.</translation>
    </message>
    <message>
        <source>Then drag a rectangle on the image</source>
        <translation>Puis tracez un rectangle sur l’image</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>%1 %2 px is stored as %3 px: boxes sit on the server&apos;s grid (%4).</source>
        <translation>%1 %2 px est enregistré comme %3 px : les cadres sont posés sur la grille du serveur (%4).</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3.</source>
        <translation>%1 doit être compris entre %2 et %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n masks selected: their common bounding box (read-only)</source>
        <translation>
            <numerusform>%n masque sélectionné : son cadre englobant (lecture seule)</numerusform>
            <numerusform>%n masques sélectionnés : leur cadre englobant commun (lecture seule)</numerusform>
        </translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajouté</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflit</translation>
    </message>
    <message>
        <source>Last push refused: %1</source>
        <translation>Dernier envoi refusé : %1</translation>
    </message>
    <message>
        <source>Mask %1</source>
        <translation>Masque %1</translation>
    </message>
    <message>
        <source>No change: boxes sit on the server&apos;s grid (%1).</source>
        <translation>Aucun changement : les cadres sont posés sur la grille du serveur (%1).</translation>
    </message>
    <message>
        <source>Not applied: %1.</source>
        <translation>Non appliqué : %1.</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Pixels</source>
        <translation>Pixels</translation>
    </message>
    <message>
        <source>Relative (fraction of the image)</source>
        <translation>Relatives (fraction de l’image)</translation>
    </message>
    <message>
        <source>Select a mask to see its coordinates</source>
        <translation>Sélectionnez un masque pour voir ses coordonnées</translation>
    </message>
    <message>
        <source>Select one mask to edit its coordinates.</source>
        <translation>Sélectionnez un seul masque pour modifier ses coordonnées.</translation>
    </message>
    <message>
        <source>Server id</source>
        <translation>Identifiant serveur</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Stored on the server&apos;s grid: one grid step is 0.001 of the image, %s px here.</source>
        <translation>Enregistré sur la grille du serveur : un pas de grille vaut 0,001 de l&apos;image, soit %s px ici.</translation>
    </message>
    <message>
        <source>The pose image is not downloaded: edit the relative coordinates instead.</source>
        <translation>L’image de la pose n’est pas téléchargée : modifiez plutôt les coordonnées relatives.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <source>not on the server yet</source>
        <translation>pas encore sur le serveur</translation>
    </message>
    <message>
        <source>one grid step is 0.001 of the image</source>
        <translation>un pas de grille vaut 0,001 de l’image</translation>
    </message>
    <message>
        <source>one grid step is 0.001 of the image, %1 px wide here</source>
        <translation>un pas de grille vaut 0,001 de l’image, soit %1 px de large ici</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The new language applies the next time you start mask editor. Nothing else changes until then.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de l’éditeur de masques. Rien d’autre ne change d’ici là.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%1 · %n to sync</source>
        <translation>
            <numerusform>%1 · %n à synchroniser</numerusform>
            <numerusform>%1 · %n à synchroniser</numerusform>
        </translation>
    </message>
    <message>
        <source>%1[*] — Mask editor</source>
        <translation>%1[*] — Éditeur de masques</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Panneaux</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir : %1</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler : %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;mask editor %1&lt;/b&gt;&lt;p&gt;Draw and sync the occlusion masks of Pyronear wildfire cameras.&lt;/p&gt;&lt;p&gt;The camera drops a detection when its overlap with a mask (IoU: the shared area divided by the area the two boxes cover together) is greater than 0.1. A small detection inside a large mask overlaps it little and is kept, so a mask works best when it is about the size of the detections it should stop.&lt;/p&gt;</source>
        <translation>&lt;b&gt;mask editor %1&lt;/b&gt;&lt;p&gt;Dessinez et synchronisez les masques d&apos;occultation des caméras Pyronear de détection des feux de forêt.&lt;/p&gt;&lt;p&gt;La caméra écarte une détection quand son recouvrement avec un masque (IoU : la surface commune divisée par la surface couverte par les deux cadres ensemble) dépasse 0,1. Une petite détection dans un grand masque le recouvre peu et elle est gardée : un masque marche le mieux quand il a à peu près la taille des détections qu&apos;il doit arrêter.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About mask editor</source>
        <translation>À propos de mask editor</translation>
    </message>
    <message>
        <source>Cannot open this workspace</source>
        <translation>Impossible d’ouvrir cet espace de travail</translation>
    </message>
    <message>
        <source>Mask editor</source>
        <translation>Éditeur de masques</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>Ouvrir un espace de travail</translation>
    </message>
    <message>
        <source>Workspaces (*.sqlite);;All files (*)</source>
        <translation>Espaces de travail (*.sqlite);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>MaskPanel</name>
    <message numerus="yes">
        <source>%1 of %n mask(s) shown</source>
        <translation>
            <numerusform>%1 sur %n masque affiché</numerusform>
            <numerusform>%1 sur %n masques affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, %n deleted</source>
        <translation>
            <numerusform>%1, %n supprimé</numerusform>
            <numerusform>%1, %n supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n masque</numerusform>
            <numerusform>%n masques</numerusform>
        </translation>
    </message>
    <message>
        <source>Also list the masks deleted here (the next sync deletes them on the server)</source>
        <translation>Lister aussi les masques supprimés ici (la prochaine synchronisation les supprime sur le serveur)</translation>
    </message>
    <message>
        <source>No pose open</source>
        <translation>Aucune pose ouverte</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
    </message>
    <message>
        <source>Show deleted</source>
        <translation>Afficher les supprimés</translation>
    </message>
</context>
<context>
    <name>MaskTableModel</name>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>Bottom edge, as a fraction of the image height</source>
        <translation>Bord bas, en fraction de la hauteur de l’image</translation>
    </message>
    <message>
        <source>Left edge, as a fraction of the image width</source>
        <translation>Bord gauche, en fraction de la largeur de l’image</translation>
    </message>
    <message>
        <source>Mask string: %1</source>
        <translation>Chaîne du masque : %1</translation>
    </message>
    <message>
        <source>Right edge, as a fraction of the image width</source>
        <translation>Bord droit, en fraction de la largeur de l’image</translation>
    </message>
    <message>
        <source>Top edge, as a fraction of the image height</source>
        <translation>Bord haut, en fraction de la hauteur de l’image</translation>
    </message>
    <message>
        <source>When the mask was added (local time)</source>
        <translation>Quand le masque a été ajouté (heure locale)</translation>
    </message>
    <message>
        <source>Width × height in pixels of the pose image</source>
        <translation>Largeur × hauteur en pixels de l’image de la pose</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ajouté</translation>
    </message>
    <message>
        <source>size</source>
        <translation>taille</translation>
    </message>
    <message>
        <source>state</source>
        <translation>état</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <source>%1 is not a mask_editor workspace.</source>
        <translation>%1 n’est pas un espace de travail mask_editor.</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Déjà ouvert</translation>
    </message>
    <message>
        <source>Box too small</source>
        <translation>Boîte trop petite</translation>
    </message>
    <message>
        <source>Camera %1 belongs to another organization: your account cannot change its masks.</source>
        <translation>La caméra %1 appartient à une autre organisation : votre compte ne peut pas modifier ses masques.</translation>
    </message>
    <message>
        <source>Camera %1 cannot be reached through the server right now (%2).</source>
        <translation>La caméra %1 est injoignable par le serveur pour le moment (%2).</translation>
    </message>
    <message>
        <source>Camera not reachable</source>
        <translation>Caméra injoignable</translation>
    </message>
    <message>
        <source>Damaged image</source>
        <translation>Image abîmée</translation>
    </message>
    <message>
        <source>File problem</source>
        <translation>Problème de fichier</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Non autorisé</translation>
    </message>
    <message>
        <source>Not found on the server</source>
        <translation>Introuvable sur le serveur</translation>
    </message>
    <message>
        <source>Not your organization</source>
        <translation>Pas votre organisation</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation>Reconnectez-vous</translation>
    </message>
    <message>
        <source>Read-only account</source>
        <translation>Compte en lecture seule</translation>
    </message>
    <message>
        <source>Refused by the server</source>
        <translation>Refusé par le serveur</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Erreur du serveur</translation>
    </message>
    <message>
        <source>Server problem</source>
        <translation>Problème du serveur</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Échec de la connexion</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>Une erreur est survenue</translation>
    </message>
    <message>
        <source>The camera cannot be reached through the server right now (%2).</source>
        <translation>La caméra est injoignable par le serveur pour le moment (%2).</translation>
    </message>
    <message>
        <source>The disk is full: %1 could not be written.</source>
        <translation>Le disque est plein : %1 n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>The disk is read-only: %1 could not be written.</source>
        <translation>Le disque est en lecture seule : %1 n’a pas pu être écrit.</translation>
    </message>
    <message>
        <source>The image downloaded for %1 is not a picture (%2).</source>
        <translation>L’image téléchargée pour %1 n’est pas une image (%2).</translation>
    </message>
    <message>
        <source>The image downloaded is not a picture (%2).</source>
        <translation>L’image téléchargée n’est pas une image (%2).</translation>
    </message>
    <message>
        <source>The name %1 is too long for the file system.</source>
        <translation>Le nom %1 est trop long pour le système de fichiers.</translation>
    </message>
    <message>
        <source>The server %1 could not be reached (%2). You can keep working: your changes are saved on this computer and sent at the next sync.</source>
        <translation>Le serveur %1 est injoignable (%2). Vous pouvez continuer à travailler : vos modifications sont enregistrées sur cet ordinateur et envoyées à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The server could not be reached (%2). You can keep working: your changes are saved on this computer and sent at the next sync.</source>
        <translation>Le serveur est injoignable (%2). Vous pouvez continuer à travailler : vos modifications sont enregistrées sur cet ordinateur et envoyées à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The server gave an answer this version does not understand (%1). Check the server address, or update mask_editor.</source>
        <translation>Le serveur a donné une réponse que cette version ne comprend pas (%1). Vérifiez l&apos;adresse du serveur, ou mettez mask_editor à jour.</translation>
    </message>
    <message>
        <source>The server had a problem (%1). Nothing was lost: try again in a few minutes.</source>
        <translation>Le serveur a eu un problème (%1). Rien n&apos;est perdu : réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>The server no longer has this item (%1). It may have been deleted by someone else: pull the pose to see the current state.</source>
        <translation>Le serveur n&apos;a plus cet élément (%1). Quelqu&apos;un l&apos;a peut-être supprimé : récupérez la pose pour voir son état actuel.</translation>
    </message>
    <message>
        <source>The server refused the mask: %1</source>
        <translation>Le serveur a refusé le masque : %1</translation>
    </message>
    <message>
        <source>The server refused this action: %1</source>
        <translation>Le serveur a refusé cette action : %1</translation>
    </message>
    <message>
        <source>The username or password was not accepted on %1. Check them and try again.</source>
        <translation>Le nom d’utilisateur ou le mot de passe n’a pas été accepté sur %1. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>The username or password was not accepted. Check them and try again.</source>
        <translation>Le nom d’utilisateur ou le mot de passe n’a pas été accepté. Vérifiez-les et réessayez.</translation>
    </message>
    <message>
        <source>There is no file or folder at %1.</source>
        <translation>Il n’y a ni fichier ni dossier à l’emplacement %1.</translation>
    </message>
    <message>
        <source>There is no workspace at %1.</source>
        <translation>Il n’y a pas d’espace de travail à l’emplacement %1.</translation>
    </message>
    <message>
        <source>This box cannot be stored: %1.</source>
        <translation>Ce cadre ne peut pas être enregistré : %1.</translation>
    </message>
    <message>
        <source>This camera belongs to another organization: your account cannot change its masks.</source>
        <translation>Cette caméra appartient à une autre organisation : votre compte ne peut pas modifier ses masques.</translation>
    </message>
    <message>
        <source>This workspace is already open in another mask_editor window or command (%1). Close it there first.</source>
        <translation>Cet espace de travail est déjà ouvert dans une autre fenêtre ou commande mask_editor (%1). Fermez-le d’abord là-bas.</translation>
    </message>
    <message>
        <source>This workspace is open read-only: nothing can be changed in it.</source>
        <translation>Cet espace de travail est ouvert en lecture seule : rien ne peut y être modifié.</translation>
    </message>
    <message>
        <source>This workspace was written by a newer mask_editor: it is open read-only. Update mask_editor to change it.</source>
        <translation>Cet espace de travail a été écrit par une version plus récente de mask_editor : il est ouvert en lecture seule. Mettez mask_editor à jour pour le modifier.</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>Réponse inattendue</translation>
    </message>
    <message>
        <source>Workspace problem</source>
        <translation>Problème d&apos;espace de travail</translation>
    </message>
    <message>
        <source>You are not allowed to read or write %1.</source>
        <translation>Vous n’avez pas le droit de lire ou d’écrire %1.</translation>
    </message>
    <message>
        <source>You are signed in as a read-only user: ask an admin or agent to edit masks of %1.</source>
        <translation>Vous êtes connecté avec un compte en lecture seule : demandez à un administrateur ou à un agent de modifier les masques de %1.</translation>
    </message>
    <message>
        <source>You are signed in as a read-only user: ask an admin or agent to edit masks.</source>
        <translation>Vous êtes connecté avec un compte en lecture seule : demandez à un administrateur ou à un agent de modifier les masques.</translation>
    </message>
    <message>
        <source>Your session has expired or is no longer valid. Sign in again: your local changes are kept and will be sent once you are signed in.</source>
        <translation>Votre session a expiré ou n’est plus valide. Reconnectez-vous : vos modifications locales sont conservées et seront envoyées une fois connecté.</translation>
    </message>
    <message>
        <source>Your session on %1 has expired or is no longer valid. Sign in again: your local changes are kept and will be sent once you are signed in.</source>
        <translation>Votre session sur %1 a expiré ou n’est plus valide. Reconnectez-vous : vos modifications locales sont conservées et seront envoyées une fois connecté.</translation>
    </message>
    <message>
        <source>could not connect</source>
        <translation>connexion impossible</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>erreur réseau</translation>
    </message>
    <message>
        <source>the box is too narrow to store: %1 of the image width rounds to zero (the server keeps 3 decimals, so at least %2 is needed)</source>
        <translation>le cadre est trop étroit pour être enregistré : %1 de la largeur de l’image s’arrondit à zéro (le serveur garde 3 décimales, il faut donc au moins %2)</translation>
    </message>
    <message>
        <source>the box is too short to store: %1 of the image height rounds to zero (the server keeps 3 decimals, so at least %2 is needed)</source>
        <translation>le cadre est trop bas pour être enregistré : %1 de la hauteur de l’image s’arrondit à zéro (le serveur garde 3 décimales, il faut donc au moins %2)</translation>
    </message>
    <message>
        <source>the connection was closed or reset</source>
        <translation>la connexion a été fermée ou réinitialisée</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>la connexion a été refusée</translation>
    </message>
    <message>
        <source>the secure connection failed (TLS certificate)</source>
        <translation>la connexion sécurisée a échoué (certificat TLS)</translation>
    </message>
    <message>
        <source>the server name could not be resolved (DNS)</source>
        <translation>le nom du serveur n’a pas pu être résolu (DNS)</translation>
    </message>
    <message>
        <source>timed out waiting for the answer</source>
        <translation>délai dépassé en attendant la réponse</translation>
    </message>
    <message>
        <source>timed out while connecting</source>
        <translation>délai dépassé pendant la connexion</translation>
    </message>
    <message>
        <source>timed out while sending</source>
        <translation>délai dépassé pendant l’envoi</translation>
    </message>
    <message>
        <source>too many requests at once</source>
        <translation>trop de requêtes à la fois</translation>
    </message>
</context>
<context>
    <name>OpenPoses</name>
    <message>
        <source>This workspace is open read-only: you can look at masks but not change them.</source>
        <translation>Cet espace de travail est ouvert en lecture seule : vous pouvez consulter les masques mais pas les modifier.</translation>
    </message>
    <message>
        <source>This workspace was written by a newer mask_editor (format %1; this version knows up to %2). It is open read-only: update mask_editor to edit it.</source>
        <translation>Cet espace de travail a été écrit par une version plus récente de mask_editor (format %1 ; cette version connaît jusqu’au format %2). Il est ouvert en lecture seule : mettez mask_editor à jour pour le modifier.</translation>
    </message>
    <message>
        <source>You are signed in as a read-only user: you can look at masks but not change them. Ask an admin or agent of your organization to edit them.</source>
        <translation>Vous êtes connecté comme utilisateur en lecture seule : vous pouvez consulter les masques mais pas les modifier. Demandez à un administrateur ou un agent de votre organisation de les modifier.</translation>
    </message>
</context>
<context>
    <name>PoseBrowser</name>
    <message>
        <source>Filter cameras and poses</source>
        <translation>Filtrer les caméras et les poses</translation>
    </message>
    <message>
        <source>No pose matches “%s”.</source>
        <translation>Aucune pose ne correspond à « %s ».</translation>
    </message>
</context>
<context>
    <name>PoseDelegate</name>
    <message>
        <source>no image</source>
        <translation>pas d’image</translation>
    </message>
</context>
<context>
    <name>PoseDocument</name>
    <message>
        <source>Add mask</source>
        <translation>Ajouter un masque</translation>
    </message>
    <message>
        <source>Left {ids} alone: that id belongs to a mask of another pose.</source>
        <translation>{ids} laissé tel quel : cet identifiant appartient à un masque d’une autre pose.</translation>
    </message>
    <message>
        <source>Move mask</source>
        <translation>Déplacer le masque</translation>
    </message>
    <message>
        <source>Someone changed or deleted mask {ids} on the server since this edit, so it is now a conflict: choose Keep mine or Take theirs. Nothing is sent before you decide.</source>
        <translation>Quelqu’un a modifié ou supprimé le masque {ids} sur le serveur depuis cette modification : c’est maintenant un conflit. Choisissez Garder ma version ou Prendre la version du serveur. Rien n’est envoyé avant votre décision.</translation>
    </message>
</context>
<context>
    <name>PoseList</name>
    <message numerus="yes">
        <source>%n camera(s)</source>
        <translation>
            <numerusform>%n caméra</numerusform>
            <numerusform>%n caméras</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n modification à synchroniser</numerusform>
            <numerusform>%n modifications à synchroniser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n masque</numerusform>
            <numerusform>%n masques</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) here, not pulled yet</source>
        <translation>
            <numerusform>%n masque ici, pas encore récupérée</numerusform>
            <numerusform>%n masques ici, pas encore récupérée</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pose(s)</source>
        <translation>
            <numerusform>%n pose</numerusform>
            <numerusform>%n poses</numerusform>
        </translation>
    </message>
    <message>
        <source>%s (number %d in the camera&apos;s patrol)</source>
        <translation>%s (n° %d dans la patrouille de la caméra)</translation>
    </message>
    <message>
        <source>Organization %1</source>
        <translation>Organisation %1</translation>
    </message>
    <message>
        <source>Since the masks were drawn, the view has %1.</source>
        <comment>%1: moved 2.1 %</comment>
        <translation>Depuis le tracé des masques, la vue s’est %1.</translation>
    </message>
    <message>
        <source>not pulled yet</source>
        <translation>pas encore récupérée</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>An earlier session of %1 is still stored. %2</source>
        <translation>Une session précédente de %1 est encore enregistrée. %2</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Not signed in: sign in to sync</source>
        <translation>Non connecté : connectez-vous pour synchroniser</translation>
    </message>
    <message>
        <source>Offline · %1</source>
        <translation>Hors ligne · %1</translation>
    </message>
    <message>
        <source>Online · %1</source>
        <translation>En ligne · %1</translation>
    </message>
    <message>
        <source>Session expired: sign in to sync</source>
        <translation>Session expirée : connectez-vous pour synchroniser</translation>
    </message>
    <message>
        <source>Sign in (File › Sign in…) to fetch this from the server.</source>
        <translation>Connectez-vous (Fichier › Se connecter…) pour récupérer ceci depuis le serveur.</translation>
    </message>
    <message>
        <source>Sign in to sync: no stored session for this account.</source>
        <translation>Connectez-vous pour synchroniser : aucune session enregistrée pour ce compte.</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Connecté en tant que %1 (%2).</translation>
    </message>
    <message>
        <source>Signed out in this window only: the stored session could not be removed.</source>
        <translation>Déconnecté dans cette fenêtre seulement : la session enregistrée n’a pas pu être supprimée.</translation>
    </message>
    <message>
        <source>Signed out in this window only: the stored session of %1 could not be removed and stays valid until it expires. %2</source>
        <translation>Déconnecté dans cette fenêtre seulement : la session enregistrée de %1 n’a pas pu être supprimée et reste valide jusqu’à son expiration. %2</translation>
    </message>
    <message>
        <source>Signed out. Your workspace and unsynced changes are kept.</source>
        <translation>Déconnecté. Votre espace de travail et vos modifications non synchronisées sont conservés.</translation>
    </message>
    <message>
        <source>The server cannot be reached: working offline.</source>
        <translation>Le serveur est injoignable : travail hors ligne.</translation>
    </message>
    <message>
        <source>Your session has expired: sign in again to sync.</source>
        <translation>Votre session a expiré : reconnectez-vous pour synchroniser.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Cannot open your workspace</source>
        <translation>Impossible d’ouvrir votre espace de travail</translation>
    </message>
    <message>
        <source>Downloading every pose image of this camera…</source>
        <translation>Téléchargement de toutes les images de pose de cette caméra…</translation>
    </message>
    <message>
        <source>Pulling the server&apos;s masks…</source>
        <translation>Récupération des masques du serveur…</translation>
    </message>
    <message>
        <source>The stored session was not removed</source>
        <translation>La session enregistrée n’a pas été supprimée</translation>
    </message>
    <message>
        <source>This camera&apos;s poses are available offline.</source>
        <translation>Les poses de cette caméra sont disponibles hors ligne.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Canvas</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+molette</translation>
    </message>
    <message>
        <source>Drag with the middle button, or Space+drag</source>
        <translation>Glisser avec le bouton du milieu, ou Espace+glisser</translation>
    </message>
    <message>
        <source>Pan the image</source>
        <translation>Faire défiler l’image</translation>
    </message>
    <message>
        <source>Zoom at the cursor</source>
        <translation>Zoomer sous le curseur</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>Search actions or keys, e.g. zoom or Ctrl+J</source>
        <translation>Chercher une action ou une touche, par ex. zoom ou Ctrl+J</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>%1 is reached over plain http://, not https://. Your password, and the session token the server sends back (valid for a year), would cross the network unencrypted: anyone on the way (the Wi-Fi, a proxy, the provider) could read them and sign in as you until the token expires.</source>
        <translation>%1 est joint en http:// simple, pas en https://. Votre mot de passe, et le jeton de session que le serveur renvoie (valable un an), traverseraient le réseau sans chiffrement : n’importe qui sur le trajet (le Wi-Fi, un proxy, le fournisseur d’accès) pourrait les lire et se connecter à votre place jusqu’à l’expiration du jeton.</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Saisissez votre nom d&apos;utilisateur et votre mot de passe.</translation>
    </message>
    <message>
        <source>Keeps the session (never the password) in the system keyring, or in a file only your user can read.</source>
        <translation>Garde la session (jamais le mot de passe) dans le trousseau du système, ou dans un fichier que seul votre utilisateur peut lire.</translation>
    </message>
    <message>
        <source>Not signed in: nothing was sent. Use the server&apos;s https:// address.</source>
        <translation>Non connecté : rien n’a été envoyé. Utilisez l’adresse https:// du serveur.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Se souvenir de moi sur cet ordinateur</translation>
    </message>
    <message>
        <source>Send in clear</source>
        <translation>Envoyer en clair</translation>
    </message>
    <message>
        <source>Send your password unencrypted?</source>
        <translation>Envoyer votre mot de passe sans chiffrement ?</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Sign in over http:// anyway?</source>
        <translation>Se connecter quand même en http:// ?</translation>
    </message>
    <message>
        <source>Sign in to Pyronear</source>
        <translation>Connexion à Pyronear</translation>
    </message>
    <message>
        <source>Signing in to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>The server address starts with https:// (for example https://api.pyronear.org).</source>
        <translation>L&apos;adresse du serveur commence par https:// (par exemple https://api.pyronear.org).</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nom d&apos;utilisateur</translation>
    </message>
</context>
<context>
    <name>SkipCounts</name>
    <message numerus="yes">
        <source>%n box(es) already in %1</source>
        <translation>
            <numerusform>%n cadre déjà dans %1</numerusform>
            <numerusform>%n cadres déjà dans %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) already on the pose</source>
        <translation>
            <numerusform>%n cadre déjà sur la pose</numerusform>
            <numerusform>%n cadres déjà sur la pose</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n box(es) deleted here, which stay deleted</source>
        <translation>
            <numerusform>%n cadre supprimé ici, qui reste supprimé</numerusform>
            <numerusform>%n cadres supprimés ici, qui restent supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) within the file</source>
        <translation>
            <numerusform>%n doublon dans le fichier</numerusform>
            <numerusform>%n doublons dans le fichier</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unreadable entry(ies): %1</source>
        <translation>
            <numerusform>%n entrée illisible : %1</numerusform>
            <numerusform>%n entrées illisibles : %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Sky</name>
    <message>
        <source>This image shows no distinct sky (its top and bottom look alike), so no sky area can be proposed. Draw the area by hand instead.</source>
        <translation>Cette image ne montre pas de ciel distinct (le haut et le bas se ressemblent) : aucune zone de ciel ne peut être proposée. Tracez la zone à la main.</translation>
    </message>
    <message>
        <source>cannot read the pose image ({reason})</source>
        <translation>impossible de lire l’image de la pose ({reason})</translation>
    </message>
</context>
<context>
    <name>StartError</name>
    <message>
        <source>Cannot open the workspace</source>
        <translation>Impossible d’ouvrir l’espace de travail</translation>
    </message>
    <message>
        <source>Demo not installed</source>
        <translation>Démo non installée</translation>
    </message>
    <message>
        <source>No workspace there</source>
        <translation>Aucun espace de travail à cet endroit</translation>
    </message>
    <message>
        <source>There is no workspace at %1. Check the path.</source>
        <translation>Il n’y a pas d’espace de travail à l’emplacement %1. Vérifiez le chemin.</translation>
    </message>
    <message>
        <source>Workspace already open</source>
        <translation>Espace de travail déjà ouvert</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <source>%n change(s) to sync</source>
        <translation>
            <numerusform>%n modification à synchroniser</numerusform>
            <numerusform>%n modifications à synchroniser</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo workspace</source>
        <translation>Espace de démonstration</translation>
    </message>
    <message>
        <source>Everything synced</source>
        <translation>Tout est synchronisé</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Not synced this session</source>
        <translation>Pas encore synchronisé pendant cette session</translation>
    </message>
    <message>
        <source>Offline: no server</source>
        <translation>Hors ligne : pas de serveur</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>all organizations</source>
        <translation>toutes les organisations</translation>
    </message>
    <message>
        <source>organization %1</source>
        <translation>organisation %1</translation>
    </message>
    <message>
        <source>x %1, y %2 px (%3, %4)</source>
        <translation>x %1, y %2 px (%3 ; %4)</translation>
    </message>
    <message>
        <source>{user} ({role}, {organization}) on {server}</source>
        <translation>{user} ({role}, {organization}) sur {server}</translation>
    </message>
</context>
<context>
    <name>SyncActions</name>
    <message>
        <source>Sign in to send your changes: they stay on this computer until then.</source>
        <translation>Connectez-vous pour envoyer vos modifications : elles restent sur cet ordinateur d&apos;ici là.</translation>
    </message>
    <message>
        <source>Your session has expired: sign in again and the sync goes on where it stopped.</source>
        <translation>Votre session a expiré : reconnectez-vous et la synchronisation reprendra là où elle s’est arrêtée.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message numerus="yes">
        <source>%n change(s) to send: {new} new, {edited} edited, {deleted} deleted.</source>
        <translation>
            <numerusform>%n modification à envoyer (nouveaux : {new}, modifiés : {edited}, supprimés : {deleted}).</numerusform>
            <numerusform>%n modifications à envoyer (nouveaux : {new}, modifiés : {edited}, supprimés : {deleted}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for your decision (keep mine / take theirs / keep both): they are not pushed.</source>
        <translation>
            <numerusform>%n conflit attend votre décision (garder ma version / prendre celle du serveur / garder les deux) : il n’est pas envoyé.</numerusform>
            <numerusform>%n conflits attendent votre décision (garder ma version / prendre celle du serveur / garder les deux) : ils ne sont pas envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s) of {pose} are back to the server&apos;s version.</source>
        <translation>
            <numerusform>%n masque de {pose} est revenu à la version du serveur.</numerusform>
            <numerusform>%n masques de {pose} sont revenus à la version du serveur.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n real wildfire detection(s) would be silenced by these masks (see the red lines). Check them before pushing.</source>
        <translation>
            <numerusform>%n vraie détection de feu serait masquée par ces masques (voir les lignes rouges). Vérifiez-la avant d’envoyer.</numerusform>
            <numerusform>%n vraies détections de feu seraient masquées par ces masques (voir les lignes rouges). Vérifiez-les avant d’envoyer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) whose answer was lost: checked against the server first, never sent twice.</source>
        <translation>
            <numerusform>%n requête dont la réponse a été perdue : vérifiée d’abord auprès du serveur, jamais envoyée deux fois.</numerusform>
            <numerusform>%n requêtes dont la réponse a été perdue : vérifiées d’abord auprès du serveur, jamais envoyées deux fois.</numerusform>
        </translation>
    </message>
    <message>
        <source>As last pulled: {box}</source>
        <translation>À la dernière récupération : {box}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflits</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimés</translation>
    </message>
    <message>
        <source>Discard local changes</source>
        <translation>Abandonner les modifications locales</translation>
    </message>
    <message>
        <source>Discard local changes of this pose…</source>
        <translation>Abandonner les modifications locales de cette pose…</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifiés</translation>
    </message>
    <message>
        <source>Mask {id}: change {before} → {after}.</source>
        <translation>Masque {id} : modification {before} → {after}.</translation>
    </message>
    <message>
        <source>Mask {id}: conflict, {case}. Not pushed until you decide.</source>
        <translation>Masque {id} : conflit, {case}. Pas envoyé tant que vous n’avez pas décidé.</translation>
    </message>
    <message>
        <source>Mask {id}: create {box}.</source>
        <translation>Masque {id} : création {box}.</translation>
    </message>
    <message>
        <source>Mask {id}: delete {box}.</source>
        <translation>Masque {id} : suppression {box}.</translation>
    </message>
    <message>
        <source>Mine: {box}</source>
        <translation>Ma version : {box}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouveaux</translation>
    </message>
    <message>
        <source>No conflict.</source>
        <translation>Aucun conflit.</translation>
    </message>
    <message>
        <source>Nothing to push: this workspace matches the server as of the last pull.</source>
        <translation>Rien à envoyer : cet espace de travail correspond au serveur tel qu’il était à la dernière récupération.</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>Pose</translation>
    </message>
    <message>
        <source>Push all ticked</source>
        <translation>Envoyer tout ce qui est coché</translation>
    </message>
    <message>
        <source>Push this pose</source>
        <translation>Envoyer cette pose</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refusés</translation>
    </message>
    <message>
        <source>Refused last time: {error}</source>
        <translation>Refusé la dernière fois : {error}</translation>
    </message>
    <message>
        <source>Review and push changes</source>
        <translation>Vérifier et envoyer les modifications</translation>
    </message>
    <message>
        <source>Sign in to push: your changes are kept on this computer meanwhile.</source>
        <translation>Connectez-vous pour envoyer : vos modifications restent sur cet ordinateur en attendant.</translation>
    </message>
    <message>
        <source>Step %v of %m</source>
        <translation>Étape %v sur %m</translation>
    </message>
    <message>
        <source>Theirs (server): {box}</source>
        <translation>Serveur : {box}</translation>
    </message>
    <message>
        <source>Throw away every local change of {pose}?

New masks are removed, edited masks go back to the server&apos;s version, deleted masks come back, and conflicts take the server&apos;s side. This cannot be undone.</source>
        <translation>Abandonner toutes les modifications locales de {pose} ?

Les nouveaux masques sont retirés, les masques modifiés reviennent à la version du serveur, les masques supprimés reviennent, et les conflits prennent la version du serveur. Cette action est irréversible.</translation>
    </message>
    <message>
        <source>Untick a pose or a mask to leave it out of this push: it stays pending for a later one.</source>
        <translation>Décochez une pose ou un masque pour le laisser de côté lors de cet envoi : il reste en attente pour un envoi ultérieur.</translation>
    </message>
    <message>
        <source>changed here and on the server</source>
        <translation>modifié ici et sur le serveur</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>deleted here while someone changed it on the server</source>
        <translation>supprimé ici pendant que quelqu’un le modifiait sur le serveur</translation>
    </message>
    <message>
        <source>deleted on the server while you changed it</source>
        <translation>supprimé sur le serveur pendant que vous le modifiiez</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>pose {id}</source>
        <translation>pose {id}</translation>
    </message>
    <message>
        <source>{title}: {text}</source>
        <translation>{title} : {text}</translation>
    </message>
</context>
<context>
    <name>SyncWords</name>
    <message>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from the server</source>
        <translation>
            <numerusform>%n modification venue du serveur</numerusform>
            <numerusform>%n modifications venues du serveur</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n created</source>
        <translation>
            <numerusform>%n créé</numerusform>
            <numerusform>%n créés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>%n supprimé</numerusform>
            <numerusform>%n supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n late copies of a create sent again, deleted</source>
        <translation>
            <numerusform>%n copie tardive d&apos;une création renvoyée, supprimée</numerusform>
            <numerusform>%n copies tardives d&apos;une création renvoyée, supprimées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left to push</source>
        <translation>
            <numerusform>%n restant à envoyer</numerusform>
            <numerusform>%n restants à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new conflict(s)</source>
        <translation>
            <numerusform>%n nouveau conflit</numerusform>
            <numerusform>%n nouveaux conflits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recovered after a lost answer</source>
        <translation>
            <numerusform>%n récupéré après une réponse perdue</numerusform>
            <numerusform>%n récupérés après une réponse perdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused</source>
        <translation>
            <numerusform>%n refusé</numerusform>
            <numerusform>%n refusés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated</source>
        <translation>
            <numerusform>%n mis à jour</numerusform>
            <numerusform>%n mis à jour</numerusform>
        </translation>
    </message>
    <message>
        <source>Pose %1, mask %2 (%3): %4</source>
        <translation>Pose %1, masque %2 (%3) : %4</translation>
    </message>
    <message>
        <source>Pose %1: %2</source>
        <translation>Pose %1 : %2</translation>
    </message>
    <message>
        <source>Sync cancelled: what was sent is recorded, the rest waits.</source>
        <translation>Synchronisation annulée : ce qui a été envoyé est enregistré, le reste attend.</translation>
    </message>
    <message>
        <source>Sync finished with problems: run it again to retry.</source>
        <translation>Synchronisation terminée avec des problèmes : relancez-la pour réessayer.</translation>
    </message>
    <message>
        <source>Sync finished.</source>
        <translation>Synchronisation terminée.</translation>
    </message>
    <message>
        <source>Sync paused: please sign in again, then sync to resume.</source>
        <translation>Synchronisation en pause : reconnectez-vous, puis synchronisez pour reprendre.</translation>
    </message>
    <message>
        <source>The server could not be reached: your changes are kept for the next sync.</source>
        <translation>Le serveur est injoignable : vos modifications sont gardées pour la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>change</source>
        <translation>modification</translation>
    </message>
    <message>
        <source>create</source>
        <translation>création</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>suppression</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message numerus="yes">
        <source>%1 of %n mask(s) in range</source>
        <translation>
            <numerusform>%1 masque sur %n dans la période</numerusform>
            <numerusform>%1 masques sur %n dans la période</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mask(s)</source>
        <translation>
            <numerusform>%n masque</numerusform>
            <numerusform>%n masques</numerusform>
        </translation>
    </message>
    <message>
        <source>Hide them in the table</source>
        <translation>Les cacher dans le tableau</translation>
    </message>
    <message>
        <source>Leave the masks outside the dates out of the mask table</source>
        <translation>Retirer du tableau des masques ceux qui sont hors de ces dates</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Show only masks added between</source>
        <translation>Afficher seulement les masques ajoutés entre le</translation>
    </message>
    <message>
        <source>Show the masks of every date</source>
        <translation>Afficher les masques de toutes les dates</translation>
    </message>
    <message>
        <source>and</source>
        <comment>between two dates</comment>
        <translation>et</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>No masks on this pose</source>
        <translation>Aucun masque sur cette pose</translation>
    </message>
    <message>
        <source>When the masks were added. Drag to keep only the masks of a period.</source>
        <translation>Quand les masques ont été ajoutés. Faites glisser pour ne garder que ceux d’une période.</translation>
    </message>
</context>
<context>
    <name>TypedValue</name>
    <message>
        <source>%1 must be a number between %2 and %3 (%4).</source>
        <translation>%1 doit être un nombre compris entre %2 et %3 (%4).</translation>
    </message>
    <message>
        <source>%1 must be between %2 and %3 (%4).</source>
        <translation>%1 doit être compris entre %2 et %3 (%4).</translation>
    </message>
    <message>
        <source>Edit %1 of mask #%2</source>
        <translation>Modifier %1 du masque n° %2</translation>
    </message>
    <message>
        <source>above %1</source>
        <translation>au-dessus de %1</translation>
    </message>
    <message>
        <source>below %1</source>
        <translation>en dessous de %1</translation>
    </message>
    <message>
        <source>left of %1</source>
        <translation>à gauche de %1</translation>
    </message>
    <message>
        <source>right of %1</source>
        <translation>à droite de %1</translation>
    </message>
</context>
<context>
    <name>UndoHistoryDock</name>
    <message>
        <source>Pose as opened</source>
        <translation>Pose telle qu’ouverte</translation>
    </message>
    <message>
        <source>Undo history</source>
        <translation>Historique des annulations</translation>
    </message>
</context>
<context>
    <name>WildfireWords</name>
    <message numerus="yes">
        <source>%n mask(s) (%1) would drop a real wildfire detected on %2 UTC (sequence %3): the camera would stay silent on such smoke there.</source>
        <translation>
            <numerusform>%n masque (%1) ferait ignorer un vrai feu détecté le %2 UTC (séquence %3) : la caméra resterait muette devant une telle fumée à cet endroit.</numerusform>
            <numerusform>%n masques (%1) feraient ignorer un vrai feu détecté le %2 UTC (séquence %3) : la caméra resterait muette devant une telle fumée à cet endroit.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WindowLayout</name>
    <message>
        <source>Inspector</source>
        <translation>Inspecteur</translation>
    </message>
    <message>
        <source>Masks</source>
        <translation>Masques</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Opacity of the masks&apos; fill</source>
        <translation>Opacité du remplissage des masques</translation>
    </message>
    <message>
        <source>Poses</source>
        <translation>Poses</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
</context>
<context>
    <name>ZoneOverlay</name>
    <message>
        <source>Shaded: where the centre of a {size} detection must fall for the camera to drop it ({share} % of the image). A detection centred elsewhere is kept, even inside a mask.</source>
        <translation>Ombré : là où doit tomber le centre d’une détection de {size} pour que la caméra l’ignore ({share} % de l’image). Une détection centrée ailleurs est gardée, même à l’intérieur d’un masque.</translation>
    </message>
    <message>
        <source>This mask is %1 times larger than a %2 detection: its best overlap with one is IoU %3, and the devices need more than 0.1. Split it into smaller masks (Area tool) or shrink it.</source>
        <translation>Ce masque est %1 fois plus grand qu’une détection de %2 : son meilleur recouvrement avec elle est une IoU de %3, et la caméra demande plus de 0,1. Découpez-le en masques plus petits (outil Couvrir une zone) ou réduisez-le.</translation>
    </message>
    <message>
        <source>This mask is %1 times smaller than a %2 detection: its best overlap with one is IoU %3, and the devices need more than 0.1. Enlarge it to about that size.</source>
        <translation>Ce masque est %1 fois plus petit qu’une détection de %2 : son meilleur recouvrement avec elle est une IoU de %3, et la caméra demande plus de 0,1. Agrandissez-le à peu près à cette taille.</translation>
    </message>
    <message>
        <source>This mask is narrower and taller than a %2 detection: its best overlap with one is IoU %3, and the devices need more than 0.1. Make it wider and shorter, closer to the detection&apos;s shape.</source>
        <translation>Ce masque est plus étroit et plus haut qu’une détection de %2 : son meilleur recouvrement avec elle est une IoU de %3, et la caméra demande plus de 0,1. Rendez-le plus large et plus bas, plus proche de la forme de la détection.</translation>
    </message>
    <message>
        <source>This mask is wider and shorter than a %2 detection: its best overlap with one is IoU %3, and the devices need more than 0.1. Make it narrower and taller, closer to the detection&apos;s shape.</source>
        <translation>Ce masque est plus large et plus bas qu’une détection de %2 : son meilleur recouvrement avec elle est une IoU de %3, et la caméra demande plus de 0,1. Rendez-le plus étroit et plus haut, plus proche de la forme de la détection.</translation>
    </message>
</context>
</TS>
