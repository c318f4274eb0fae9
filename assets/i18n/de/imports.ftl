# Die Seiten des Imports.

import-title = Import
import-heading = Ausgaben importieren
import-intro = Lade eine CSV-Datei deiner Bank oder einer Tabelle hoch, oder einen OFX/QFX-Kontoauszug (bis { $mb } MB). Du siehst die ersten Zeilen und legst fest, welche Spalte was ist, bevor irgendetwas importiert wird.
import-encoding = Zeichenkodierung
import-encoding-auto = Erkennen (UTF-8, sonst westeuropäisch)
import-encoding-utf8 = UTF-8 (die meisten Dateien)
import-encoding-latin1 = Westeuropäisch (ISO-8859-1, ältere Bankexporte)
import-encoding-error-label = Die Zeichenkodierung
import-file = CSV-Datei
import-file-error-label = Die Datei
import-upload = Hochladen und Vorschau
import-earlier = Frühere Importe
import-col-file = Datei
import-col-when = Wann
import-col-status = Status
import-col-imported = Importiert
import-col-duplicates = Doppelt
import-col-problems = Probleme
import-status-uploaded = hochgeladen
import-status-queued = wartet
import-status-running = läuft
import-status-done = fertig
import-status-cancelled = abgebrochen
import-status-failed = fehlgeschlagen
import-file-heading = Import „{ $file }“
import-statement = Ein Kontoauszug (OFX) mit { $transactions ->
    [one] 1 Buchung
   *[other] { $transactions } Buchungen
    }: { $debits ->
    [one] 1 Zahlung
   *[other] { $debits } Zahlungen
    } ausgehend, als Ausgaben importiert.
import-statement-credits = { $credits ->
    [one] 1 Zahlungseingang (Einkommen, Erstattungen) wird übersprungen.
   *[other] { $credits } Zahlungseingänge (Einkommen, Erstattungen) werden übersprungen.
    }
import-first-ones = Das sind die ersten.
import-col-date = Datum
import-col-amount = Betrag
import-col-payee-description = Empfänger oder Beschreibung
import-col-memo = Notiz
import-skip-payments = Zahlungen überspringen, die schon erfasst sind (gleiches Datum, gleicher Betrag, gleiche Beschreibung)
import-start-statement = { $count ->
    [one] 1 Ausgabe importieren
   *[other] { $count } Ausgaben importieren
    }
import-discard = Diese Datei verwerfen
import-rows-intro = { $count ->
    [one] 1 Zeile. Das sind die ersten; lege fest, welche Spalte was ist.
   *[other] { $count } Zeilen. Das sind die ersten; lege fest, welche Spalte was ist.
    }
import-field-date = Datum
import-field-amount = Betrag
import-field-description = Beschreibung
import-field-payee = Empfänger
import-field-category = Kategorie
import-field-tags = Schlagwörter
import-field-notes = Notizen
import-choose-column = Spalte wählen
import-none = Keine
import-dates-written = Datumsangaben sind geschrieben
import-like = wie { $example }
import-amounts-written = Beträge sind geschrieben
import-expenses-are = Ausgaben sind
import-sign-positive = positive Beträge
import-sign-negative = negative Beträge (Kontoauszüge)
import-skip-rows = Zeilen überspringen, die schon erfasst sind (gleiches Datum, gleicher Betrag, gleiche Beschreibung)
import-start-rows = { $count ->
    [one] 1 Zeile importieren
   *[other] { $count } Zeilen importieren
    }
import-cancel = Import abbrechen
import-done = { $count ->
    [one] <strong>1</strong> Ausgabe importiert
   *[other] <strong>{ $count }</strong> Ausgaben importiert
    }
import-done-duplicates = , { $count } schon erfasst und übersprungen
import-done-failed = { $count ->
    [one] , 1 Zeile ausgelassen (siehe unten)
   *[other] , { $count } Zeilen ausgelassen (siehe unten)
    }
import-see-expenses = Zu den Ausgaben
import-was-cancelled = Dieser Import wurde abgebrochen; nichts davon wurde behalten.
import-failed = Dieser Import ist fehlgeschlagen, nichts davon wurde behalten. Prüfe die Datei und versuche es noch einmal.
import-left-out = Ausgelassene Zeilen
import-col-line = Zeile
import-col-why = Warum
import-more = Und { $count } weitere.
import-all = Alle Importe
import-waiting = Wartet auf den Start…
import-progress = Importiere { $done } von { $total } Zeilen…
import-progress-label = Fortschritt des Imports
import-cancelled = Der Import ist abgebrochen; nichts davon wird behalten.
