<p>{{ t(key="mail-hello", name=name) }}</p>
<p>{{ t(key="mail-taken-body") }}</p>
<p><a href="{{ login }}">{{ t(key="mail-taken-login") }}</a> · <a href="{{ forgot }}">{{ t(key="mail-taken-forgot") }}</a></p>
<p>{{ t(key="mail-ignore") }}</p>
