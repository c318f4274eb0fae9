# Der Assistent: seine Antworten, sein Feld und seine Seite.

assistant-title = Assistent
assistant-page-title = Assistent · { $workspace }
assistant-intro = Frag auf Deutsch, Englisch, Französisch oder Spanisch nach den Ausgaben dieses Bereichs oder beschreib eine Ausgabe, um sie hinzuzufügen. Die Antworten kommen aus deinen eigenen Daten auf diesem Server; nichts wird irgendwohin geschickt.
assistant-try = Probier
assistant-open-panel = Den Assistenten fragen
assistant-input-label = Frag nach deinen Ausgaben oder füge eine Ausgabe hinzu
assistant-input-placeholder = z. B. wie viel für Lebensmittel letzten Monat? · Kaffee 4,50 gestern
assistant-ask = Fragen
assistant-you = Du:
assistant-message-error = Die Nachricht { $error }.
assistant-draft-description = Beschreibung
assistant-draft-amount = Betrag ({ $currency })
assistant-draft-rate = Kurs zu { $currency }
assistant-draft-date = Datum
assistant-draft-category = Kategorie
assistant-draft-no-category = Keine Kategorie
assistant-draft-paid-by = Bezahlt von

assistant-example-1 = Wie viel haben wir letzten Monat für Lebensmittel ausgegeben?
assistant-example-2 = größte Ausgaben diese Woche
assistant-example-3 = Wer schuldet wem?
assistant-example-4 = Kaffee 4,50 gestern

assistant-can-do = Ich kann zusammenrechnen, was ihr ausgegeben habt (nach Kategorie, Person, Zeitraum oder Stichwort), die größten Ausgaben auflisten, Zeiträume vergleichen, Monatsdurchschnitte nennen, Budgets zeigen und wer wem etwas schuldet, und eine Ausgabe aus einer Zeile wie „Kaffee 4,50 gestern“ anlegen.
assistant-unknown = Das habe ich nicht verstanden. { assistant-can-do }
assistant-not-understood =
    { $count ->
        [one] Das Wort { $words } habe ich nicht verstanden, deshalb antworte ich nicht so, als stünde es nicht da. { assistant-can-do }
       *[other] Die Wörter { $words } habe ich nicht verstanden, deshalb antworte ich nicht so, als stünden sie nicht da. { assistant-can-do }
    }

assistant-refused-budgets = Als { $role } in diesem Bereich kannst du keine Budgets sehen; Eigentümer und Admins können das.
assistant-refused-balances = Als { $role } in diesem Bereich kannst du keine Salden sehen; Eigentümer und Admins können das.
assistant-refused-add = Als { $role } in diesem Bereich kannst du keine Ausgaben hinzufügen; Eigentümer und Admins können das.

assistant-month =
    { $month ->
        [1] Januar
        [2] Februar
        [3] März
        [4] April
        [5] Mai
        [6] Juni
        [7] Juli
        [8] August
        [9] September
        [10] Oktober
        [11] November
       *[12] Dezember
    }
assistant-on-day = am { $date }
assistant-in-month = im { $month } { $year }
assistant-in-quarter = im Q{ $quarter } { $year }
assistant-in-year = im Jahr { $year }
assistant-from-to = vom { $from } bis { $to }
assistant-month-year = { $month } { $year }
assistant-quarter-year = Q{ $quarter } { $year }

assistant-count =
    { $count ->
        [one] 1 Ausgabe
       *[other] { $count } Ausgaben
    }
assistant-on-category = für { $category }
assistant-on-search = für Ausgaben mit „{ $words }“
assistant-spent =
    { $who ->
        [all] Ausgegeben
        [me] Von dir bezahlt
       *[member] Von { $name } bezahlt
    }: { $amount }{ $what } { $range } ({ $count }).
assistant-spent-nothing = Nichts ausgegeben{ $what } { $range }: keine passenden Ausgaben.
assistant-see-expenses = Diese Ausgaben ansehen

assistant-breakdown = Nach Kategorie { $range } ({ $total } insgesamt):
assistant-breakdown-none = Keine Ausgaben { $range }.
assistant-open-report = Bericht öffnen

assistant-biggest =
    { $count ->
        [one] Die größte Ausgabe
       *[other] Die { $count } größten Ausgaben
    }{ $what } { $range }:
assistant-biggest-none = Keine Ausgaben{ $what } { $range }.
assistant-see-largest = Alle ansehen, die größten zuerst

assistant-compare = Ausgaben{ $what }: { $first } { $first-total } ({ $first-count }), { $second } { $second-total } ({ $second-count }). { $later }: { $change } { $first }.
assistant-compare-change =
    { $direction ->
        [same] genauso viel wie
        [more] { $difference }{ $percent } mehr als
       *[less] { $difference }{ $percent } weniger als
    }
assistant-see-period = { $period } ansehen

assistant-average =
    { $months ->
        [one] Im Schnitt { $average } im Monat{ $what }, über 1 Monat ({ $from } bis { $to }; { $total } insgesamt, { $count }).
       *[other] Im Schnitt { $average } im Monat{ $what }, über { $months } Monate ({ $from } bis { $to }; { $total } insgesamt, { $count }).
    }
assistant-average-not-begun = Dieser Zeitraum hat noch nicht begonnen ({ $range }).

assistant-no-budgets = In diesem Bereich gibt es noch keine Budgets.
assistant-budget-left = { $left } von { $limit } übrig
assistant-budget-over = { $over } überschritten (Grenze { $limit })
assistant-budget-percent = , { $percent } % ausgegeben
assistant-budget-line = { $name }: { $standing }{ $percent }, { $spent } ausgegeben vom { $from } bis { $to }
assistant-open-budgets = Budgets öffnen

assistant-balance-settled =
    { $who ->
        [me] Du bist ausgeglichen.
       *[other] { $name } ist ausgeglichen.
    }
assistant-balance-owed =
    { $who ->
        [me] Du bekommst insgesamt { $amount }.
       *[other] { $name } bekommt insgesamt { $amount }.
    }
assistant-balance-owes =
    { $who ->
        [me] Du schuldest insgesamt { $amount }.
       *[other] { $name } schuldet insgesamt { $amount }.
    }
assistant-all-settled = Alle sind ausgeglichen.
assistant-transfer =
    { $who ->
        [me] Du schuldest { $to } { $amount }.
       *[other] { $from } schuldet { $to } { $amount }.
    }
assistant-you-object = dir
assistant-deleted-account = Ein gelöschtes Konto
assistant-open-balances = Salden öffnen

assistant-draft = „{ $description }“ hinzufügen, { $amount } { $day }, bezahlt von { $payer }{ $details }? Prüf es und bestätige, um es hinzuzufügen.
assistant-draft-in-category = , in { $category }
assistant-draft-at = , bei { $payee }
assistant-draft-split = , zu gleichen Teilen zwischen { $count } Personen geteilt
assistant-draft-needs-rate = Der Betrag ist in { $currency }: gib vor dem Bestätigen den Kurs zu { $base } an.
assistant-draft-payer-you = dir
assistant-cannot-add = Das kann ich nicht hinzufügen: { $why }.
assistant-add-this = Diese Ausgabe hinzufügen

assistant-help-start = Frag mich nach den Ausgaben dieses Bereichs oder nenn mir eine Ausgabe zum Hinzufügen. Zum Beispiel:
assistant-help-invite = Eigentümer und Admins laden auf der Seite „Mitglieder“ ein: E-Mail-Adresse und Rolle (Admin, Mitglied oder Betrachter) eingeben. Die Person bekommt per Mail einen Link zum Beitreten.
assistant-help-invite-link = Mitglieder öffnen
assistant-help-export = Deine Ausgaben lädst du auf der Seite „Ausgaben“ als CSV herunter („CSV exportieren“ behält deinen Filter). Eigentümer und Admins können unter „Einstellungen“ den ganzen Bereich als JSON-Archiv herunterladen.
assistant-help-export-link = Alle Ausgaben als CSV herunterladen
assistant-help-import = Importiere eine CSV-Datei (einen Bankexport oder eine Tabelle) auf der Seite „Import“: Du ordnest die Spalten zu, siehst eine Vorschau, und der Import läuft mit Fortschrittsanzeige.
assistant-help-import-link = Import öffnen
assistant-help-add = Nutze das Formular auf der Seite „Ausgaben“ oder sag es mir hier, z. B. „Kaffee 4,50 gestern“ oder „Miete 1200 bezahlt von Sam geteilt“: Ich fülle es vor und du bestätigst.
assistant-help-add-link = Ausgaben öffnen
assistant-help-budgets = Eigentümer und Admins legen Budgets auf der Seite „Budgets“ an: ein Betrag pro Woche, Monat, Quartal oder Jahr, für den Bereich, eine Kategorie oder ein Mitglied, mit Hinweisen bei den gewählten Schwellen (standardmäßig 80 % und 100 %).
assistant-help-budgets-link = Budgets öffnen
assistant-help-categories = Kategorien (und Unterkategorien) verwaltest du auf der Seite „Kategorien“; Eigentümer und Admins können sie anlegen, umbenennen, umfärben und entfernen.
assistant-help-categories-link = Kategorien öffnen
assistant-help-settle = Die Seite „Salden“ zeigt, wer wem etwas schuldet, und die wenigsten Zahlungen, mit denen alle ausgeglichen sind; trag dort eine Zahlung ein, wenn jemand zurückzahlt.
assistant-help-settle-link = Salden öffnen
assistant-help-recurring = Miete, Abos und andere wiederkehrende Kosten richtest du auf der Seite „Wiederkehrend“ ein; jede wird bei Fälligkeit als Ausgabe hinzugefügt.
assistant-help-recurring-link = Wiederkehrend öffnen
assistant-help-reports = Die Seite „Berichte“ summiert jeden Zeitraum nach Kategorie, Monat, Woche, Empfänger oder Zahler, als Tabelle, Diagramm und CSV-Datei.
assistant-help-reports-link = Berichte öffnen

assistant-no-such-budget = Kein Budget hier passt zu „{ $word }“. Welches meinst du?
assistant-compare-which = Welche Zeiträume soll ich vergleichen?
assistant-which-member = Welches Mitglied meinst du mit „{ $phrase }“?
assistant-which-category = Welche Kategorie meinst du mit „{ $phrase }“?
assistant-which-budget = Welches Budget meinst du mit „{ $phrase }“?
assistant-nobody-called = Hier heißt niemand „{ $phrase }“. Wen meinst du?
assistant-which-amount = Welcher ist der Betrag: { $amounts }?
assistant-which-day = An welchem Tag?
assistant-what-for = Wofür waren die { $amount }?
