<p>{{ t(key="mail-hello", name=name) }}</p>
<p>{{ t(key="mail-reset-html") }}</p>
<p><a href="{{ link }}">{{ t(key="mail-reset-button") }}</a></p>
<p>{{ t(key="mail-reset-expiry") }}</p>
