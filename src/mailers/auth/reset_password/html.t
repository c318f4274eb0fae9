<p>Hello {{ name }},</p>
<p>Someone asked to reset the password of your SmartExpense account.</p>
<p><a href="{{ link }}">Choose a new password</a></p>
<p>The link works once, for 30 minutes. If it was not you, ignore this mail; your password stays as it is.</p>
