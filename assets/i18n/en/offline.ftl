# Offline: the page shown for a page not kept on the device, and adding
# expenses while offline (texts the offline script shows come from the page).
offline-title = You are offline
offline-not-kept = This page was not saved on this device, so it cannot be shown without a connection.
offline-what-works = What still works while you are offline:
offline-works-reading = Pages you opened recently can still be read.
offline-works-adding = Expenses you add are saved on this device and sent when you are back online.
offline-try-again = Try again
offline-saved = Saved on this device; it will be sent when you are back online.
offline-waiting = Waiting to be sent:
offline-sent = The expenses saved on this device were sent.
offline-refused = Not accepted; add it again with the form:
offline-discard = Discard
