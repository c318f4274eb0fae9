# Recurring expenses: the rules, setting one up, changing and stopping it.
recurring-title = Recurring expenses
recurring-intro = Rent, subscriptions, allowances: set them up once and they are added on their dates, even ones the app was not running for.
recurring-what = What
recurring-how-often = How often
recurring-next = Next
recurring-last-error = Could not add the last one: { $error }.
recurring-frequency = { $frequency ->
    [daily] daily
    [weekly] weekly
    [monthly] monthly
   *[yearly] yearly
    }
recurring-every = { $frequency ->
    [daily] every { $interval } days
    [weekly] every { $interval } weeks
    [monthly] every { $interval } months
   *[yearly] every { $interval } years
    }
recurring-from = from { $start }
recurring-from-to = from { $start } to { $end }
recurring-ended = ended
recurring-edit-named = Edit { $description }
recurring-stop = Stop
recurring-stop-named = Stop { $description }
recurring-none = Nothing repeats yet.
recurring-set-up = Set one up
recurring-submit = Repeat this expense
recurring-edit-page = Edit { $name }
recurring-edit-title = Edit recurring expense “{ $name }”
recurring-edit-intro = Changes apply to the expenses it adds from now on; the ones it already added stay as they are. A new start never adds again a date it already added.
recurring-repeats = Repeats
recurring-interval = Every
recurring-first-on = First on
recurring-first-error = First date
recurring-last-on = Last on
recurring-optional = (optional)
recurring-last-date = Last date

recurring-created = { $frequency ->
    [daily] "{ $description }" now repeats daily.
    [weekly] "{ $description }" now repeats weekly.
    [monthly] "{ $description }" now repeats monthly.
   *[yearly] "{ $description }" now repeats yearly.
    }
recurring-changed = "{ $description }" is changed; the expenses it already added stay as they were.
recurring-stopped = "{ $description }" no longer repeats; the expenses it made stay.
