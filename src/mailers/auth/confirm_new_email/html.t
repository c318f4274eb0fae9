<p>{{ t(key="mail-hello", name=name) }}</p>
<p>{{ t(key="mail-new-email-html", email=new_email) }}</p>
<p><a href="{{ link }}">{{ t(key="mail-new-email-button") }}</a></p>
<p>{{ t(key="mail-new-email-until") }}</p>
