<p>{{ t(key="mail-hello-anyone") }}</p>
<p>{{ t(key="mail-invitation-html", inviter=inviter | escape, workspace=workspace | escape, role=t(key="role-" ~ role)) | safe }}</p>
<p><a href="{{ link }}">{{ t(key="mail-invitation-button") }}</a></p>
<p>{{ t(key="mail-invitation-how-html", email=email) }} {{ t(key="mail-invitation-expiry") }}</p>
