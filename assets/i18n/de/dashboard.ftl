# A workspace's start page: figures, charts and lists.
dashboard-spent = ausgegeben
dashboard-last-month = letzten Monat { $total }
dashboard-members = { $count ->
    [one] { $count } Mitglied
   *[other] { $count } Mitglieder
    }
dashboard-invite = jemanden einladen
dashboard-add = Ausgabe hinzufügen
dashboard-budgets = Budgets in diesem Zeitraum
dashboard-budget-spent = { $spent } von { $limit }
dashboard-budget-over = überschritten
dashboard-no-budgets = Noch keine Budgets.
dashboard-set-budget = Leg eins an
dashboard-set-budget-why = und bekomme eine Mail, wenn die Ausgaben es fast erreichen.
dashboard-all-budgets = Alle Budgets
dashboard-by-category = Nach Kategorie, { $month }
dashboard-by-category-title = Ausgaben nach Kategorie im { $month }
dashboard-nothing-spent = Diesen Monat noch nichts ausgegeben.
dashboard-last-12-months = Die letzten 12 Monate
dashboard-trend-title = Ausgaben pro Monat; der höchste Monat lag bei { $max }
dashboard-per-month = Ausgaben pro Monat
dashboard-top-payees = Häufigste Empfänger diesen Monat
dashboard-expenses-count = { $count ->
    [one] { $count } Ausgabe
   *[other] { $count } Ausgaben
    }
dashboard-no-payees = Diesen Monat keine Empfänger.
dashboard-recent = Letzte Ausgaben
dashboard-no-expenses = Noch keine Ausgaben.
dashboard-all-expenses = Alle Ausgaben
dashboard-is-owed = bekommt Geld
dashboard-owes = schuldet
dashboard-settled = Alle sind quitt.
dashboard-settle-up = Ausgleichen
dashboard-month-1 = Januar
dashboard-month-2 = Februar
dashboard-month-3 = März
dashboard-month-4 = April
dashboard-month-5 = Mai
dashboard-month-6 = Juni
dashboard-month-7 = Juli
dashboard-month-8 = August
dashboard-month-9 = September
dashboard-month-10 = Oktober
dashboard-month-11 = November
dashboard-month-12 = Dezember
dashboard-month-short-1 = Jan
dashboard-month-short-2 = Feb
dashboard-month-short-3 = Mär
dashboard-month-short-4 = Apr
dashboard-month-short-5 = Mai
dashboard-month-short-6 = Jun
dashboard-month-short-7 = Jul
dashboard-month-short-8 = Aug
dashboard-month-short-9 = Sep
dashboard-month-short-10 = Okt
dashboard-month-short-11 = Nov
dashboard-month-short-12 = Dez
