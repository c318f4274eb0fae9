<p>{{ t(key="mail-hello", name=name) }}</p>
<p>{{ t(key="mail-verify-html") }}</p>
<p><a href="{{ link }}">{{ t(key="mail-verify-button") }}</a></p>
<p>{{ t(key="mail-verify-expiry") }}</p>
