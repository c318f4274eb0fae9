# Ablehnungen, die kein Feld nennen; als Hinweis über der Seite gezeigt.
refusal-role = Als { $role ->
        [owner] Eigentümer
        [admin] Admin
        [member] Mitglied
       *[viewer] Leser
    } in diesem Bereich kannst du das nicht.
refusal-manage-members = Deine Rolle kann keine Mitglieder verwalten.
refusal-transfer = Nur der Eigentümer kann die Eigentümerschaft übertragen.
refusal-suspended = Dieser Bereich wurde von den Betreibern dieser Seite gesperrt: Er kann gelesen, aber nicht geändert werden, bis sie die Sperre aufheben.
refusal-locked = Dieses Konto ist gesperrt. Wende dich an die Betreiber dieser Seite, um es entsperren zu lassen.
refusal-plan-history = Der Tarif { $plan } bewahrt { $months } Monate Verlauf auf: Ausgaben vor dem { $date } können gelesen, aber nicht hinzugefügt oder geändert werden. Der Eigentümer des Bereichs kann auf der Seite „Abrechnung“ upgraden.
refusal-plan-expenses-used = Der Tarif { $plan } erlaubt { $allowed } neue Ausgaben im Monat, und die dieses Monats sind aufgebraucht. Der Eigentümer des Bereichs kann auf der Seite „Abrechnung“ upgraden.
refusal-plan-expenses-left = Der Tarif { $plan } erlaubt { $allowed } neue Ausgaben im Monat: { $left } sind in diesem Monat übrig, und dies fügt { $count } hinzu. Der Eigentümer des Bereichs kann auf der Seite „Abrechnung“ upgraden.
refusal-plan-receipts = Der Tarif { $plan } bewahrt { $allowed } MB Belege auf, { $used } MB sind belegt, und diese Datei passt nicht mehr hinein. Der Eigentümer des Bereichs kann auf der Seite „Abrechnung“ upgraden.
refusal-plan-members = Der Tarif { $plan } erlaubt { $allowed } Personen in einem Bereich (offene Einladungen zählen mit). Der Eigentümer des Bereichs kann auf der Seite „Abrechnung“ upgraden.
refusal-storage-unavailable = Der Belegspeicher war nicht erreichbar, daher wurde der Beleg nicht gespeichert. Die Ausgabe selbst ist unverändert; hänge den Beleg später noch einmal an.
refusal-storage-full = Der Belegspeicher ist voll, daher wurde der Beleg nicht gespeichert. Die Ausgabe selbst ist unverändert; hänge den Beleg noch einmal an, sobald der Betreiber Platz geschaffen hat.
refusal-stripe-unreachable = Stripe, unser Zahlungsanbieter, war nicht erreichbar, daher hat sich nichts geändert. Bitte versuche es in ein paar Minuten noch einmal.
refusal-stripe-refused = Stripe, unser Zahlungsanbieter, hat die Anfrage abgelehnt, daher hat sich nichts geändert. Bitte versuche es später noch einmal oder wende dich an die Betreiber dieser Seite.
refusal-billing-off = Die Abrechnung ist auf dieser Instanz ausgeschaltet: Jeder Bereich hat alle Funktionen.
refusal-form-fields = Das Formular hat mehr als { $max } Felder.
refusal-too-large = { $what ->
        [form] Das Formular ist
        [upload] Der Upload ist
        [file] Die Datei ist
       *[archive] Das Archiv ist
    } zu groß: Hier können höchstens { $size } { $unit } gesendet werden.
refusal-too-slow = Die Anfrage kam nicht rechtzeitig an; nichts wurde geändert. Bitte versuche es noch einmal.
refusal-platform-role = Deine Plattformrolle erlaubt das nicht.
