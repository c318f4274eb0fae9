<p>Hello {{ name }},</p>
<p>Someone, perhaps you, tried to create a SmartExpense account with this address. It has an account already, so nothing was created or changed.</p>
<p><a href="{{ login }}">Log in</a> · <a href="{{ forgot }}">Choose a new password</a></p>
<p>If it was not you, you can ignore this mail.</p>
