//! The assistant's reading of plain English, phrasing by phrasing: each row
//! is a message and the reading it must get, in a workspace with the
//! default categories, five members (two called Jordan) and three budgets,
//! on Wednesday 25 November 2026, in euros.

use chrono::NaiveDate;
use smartexpense::models::assistant::parse::{interpret, Named, Vocabulary};

fn vocabulary() -> Vocabulary {
    let named = |id: &str, name: &str| Named::new(id, name);
    let categories = [
        "Groceries",
        "Housing",
        "Utilities",
        "Transport",
        "Dining out",
        "Health",
        "Entertainment",
        "Shopping",
        "Travel",
        "Other",
    ];
    let mut dining = named("b-dining", "Dining");
    dining.aliases.push("Dining out".to_string());
    let mut groceries = named("b-groceries", "Groceries");
    groceries.aliases.push("Groceries".to_string());
    let alex = named("u-alex", "Alex Morgan");
    Vocabulary {
        today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        currency: "EUR".to_string(),
        me: alex.clone(),
        categories: categories
            .iter()
            .map(|c| named(&format!("c-{c}"), c))
            .collect(),
        members: vec![
            alex,
            named("u-sam", "Sam Lee"),
            named("u-jordan-lee", "Jordan Lee"),
            named("u-jordan-park", "Jordan Park"),
            named("u-priya", "Priya Shah"),
        ],
        budgets: vec![dining, groceries, named("b-household", "Household")],
    }
}

/// `(message, reading)`. A reading ending in `…` is compared as a prefix
/// (clarifying questions, whose choices are listed in full elsewhere).
const PHRASINGS: &[(&str, &str)] = &[
    // Totals, narrowed by category, person, words and dates.
    ("how much did we spend on groceries last month?", "spending 2026-10-01..2026-10-31 category=Groceries"),
    ("How much did we spend on Groceries last month", "spending 2026-10-01..2026-10-31 category=Groceries"),
    ("how much on groceries this month", "spending 2026-11-01..2026-11-30 category=Groceries"),
    ("groceries last month", "spending 2026-10-01..2026-10-31 category=Groceries"),
    ("what did we spend on dining out in october", "spending 2026-10-01..2026-10-31 category=Dining out"),
    ("total spent on transport this year", "spending 2026-01-01..2026-12-31 category=Transport"),
    ("how much have we spent this year", "spending 2026-01-01..2026-12-31"),
    ("how much did we spend yesterday", "spending 2026-11-24..2026-11-24"),
    ("spending today", "spending 2026-11-25..2026-11-25"),
    ("how much did sam spend last week", "spending 2026-11-16..2026-11-22 member=Sam Lee"),
    ("how much did I spend this month", "spending 2026-11-01..2026-11-30 member=Alex Morgan"),
    ("my spending on health since march", "spending 2026-03-01..2026-11-25 category=Health member=Alex Morgan"),
    ("Sam's spending in Q3", "spending 2026-07-01..2026-09-30 member=Sam Lee"),
    ("how much did we spend in q3 2025", "spending 2025-07-01..2025-09-30"),
    ("how much on coffee last week", "spending 2026-11-16..2026-11-22 search=\"coffee\""),
    ("how much did we spend at costco this year", "spending 2026-01-01..2026-12-31 search=\"costco\""),
    ("how much on helth last month", "spending 2026-10-01..2026-10-31 category=Health"),
    ("how much for groceris in october", "spending 2026-10-01..2026-10-31 category=Groceries"),
    ("what did we spend on entertainment in december", "spending 2025-12-01..2025-12-31 category=Entertainment"),
    ("how much did we spend in the last 30 days", "spending 2026-10-27..2026-11-25"),
    ("spending over the past week", "spending 2026-11-19..2026-11-25"),
    ("how much in the last 3 months on travel", "spending 2026-08-26..2026-11-25 category=Travel"),
    ("how much did we spend from march to may", "spending 2026-03-01..2026-05-31"),
    ("how much on utilities ytd", "spending 2026-01-01..2026-11-25 category=Utilities"),
    ("how much on utilities year to date", "spending 2026-01-01..2026-11-25 category=Utilities"),
    ("how much on rent this year", "spending 2026-01-01..2026-12-31 category=Housing"),
    ("how much did jordan park spend", "spending 2026-11-01..2026-11-30 member=Jordan Park"),
    ("how much did priya spend on shopping in november", "spending 2026-11-01..2026-11-30 category=Shopping member=Priya Shah"),
    ("how much did we spend on march 3", "spending 2026-03-03..2026-03-03"),
    ("how much did we spend on 3rd of march 2025", "spending 2025-03-03..2025-03-03"),
    ("how much did we spend on 2026-11-02", "spending 2026-11-02..2026-11-02"),
    ("what did we spend last friday", "spending 2026-11-20..2026-11-20"),
    ("how much did we spend in 2025", "spending 2025-01-01..2025-12-31"),
    ("total for travel last year", "spending 2025-01-01..2025-12-31 category=Travel"),
    ("how much has Sam paid this month", "spending 2026-11-01..2026-11-30 member=Sam Lee"),
    ("costs for transport in september", "spending 2026-09-01..2026-09-30 category=Transport"),
    ("how much were groceries in august 2025", "spending 2025-08-01..2025-08-31 category=Groceries"),
    ("health expenses this quarter", "spending 2026-10-01..2026-12-31 category=Health"),
    ("how much did we spend last quarter", "spending 2026-07-01..2026-09-30"),
    ("How much did we spend on takeaway in October?", "spending 2026-10-01..2026-10-31 category=Dining out"),
    ("how much have we spent on the car since january", "spending 2026-01-01..2026-11-25 category=Transport"),
    ("how much on movies this year", "spending 2026-01-01..2026-12-31 category=Entertainment"),
    ("spent on shopping last month?", "spending 2026-10-01..2026-10-31 category=Shopping"),
    ("how much did we spend on netflix", "spending 2026-11-01..2026-11-30 search=\"netflix\""),
    ("How much money went to transport in Q2?", "spending 2026-04-01..2026-06-30 category=Transport"),
    ("total expenses last year", "spending 2025-01-01..2025-12-31"),
    ("what did we pay for utilities in january", "spending 2026-01-01..2026-01-31 category=Utilities"),
    ("how much did the household spend this week", "spending 2026-11-23..2026-11-29"),
    ("how much did we spend on monday", "spending 2026-11-23..2026-11-23"),
    ("how much did we spend 3 days ago", "spending 2026-11-22..2026-11-22"),
    ("how much did we spend in the past month", "spending 2026-10-26..2026-11-25"),
    ("spending in sept", "spending 2026-09-01..2026-09-30"),
    ("how much on doctors since q2", "spending 2026-04-01..2026-11-25 category=Health"),
    ("what did priya's groceries cost in october", "spending 2026-10-01..2026-10-31 category=Groceries member=Priya Shah"),
    ("how much did we spend on electricity last month", "spending 2026-10-01..2026-10-31 category=Utilities"),
    ("how much did we spend on fuel last year", "spending 2025-01-01..2025-12-31 category=Transport"),
    ("how much did I pay for groceries since march", "spending 2026-03-01..2026-11-25 category=Groceries member=Alex Morgan"),
    ("how much did we spend on shoppping this month", "spending 2026-11-01..2026-11-30 category=Shopping"),
    ("what did the holidays cost in 2025", "spending 2025-01-01..2025-12-31 category=Travel"),
    ("expenses in may 2026", "spending 2026-05-01..2026-05-31"),
    ("how much did we spend in december 2025", "spending 2025-12-01..2025-12-31"),
    // Totals by category.
    ("where did our money go last month", "breakdown 2026-10-01..2026-10-31"),
    ("spending by category this year", "breakdown 2026-01-01..2026-12-31"),
    ("what did we spend on last month?", "breakdown 2026-10-01..2026-10-31"),
    ("top categories this month", "breakdown 2026-11-01..2026-11-30"),
    ("breakdown of october", "breakdown 2026-10-01..2026-10-31"),
    ("which categories cost the most this year?", "breakdown 2026-01-01..2026-12-31"),
    ("where does the money go", "breakdown 2026-11-01..2026-11-30"),
    ("what did we spend on in Q3?", "breakdown 2026-07-01..2026-09-30"),
    // The largest expenses.
    ("biggest expenses this week", "biggest 5 2026-11-23..2026-11-29"),
    ("top 3 expenses last month", "biggest 3 2026-10-01..2026-10-31"),
    ("what were our largest purchases in october", "biggest 5 2026-10-01..2026-10-31"),
    ("5 biggest expenses this year", "biggest 5 2026-01-01..2026-12-31"),
    ("most expensive things we bought last week", "biggest 5 2026-11-16..2026-11-22"),
    ("biggest grocery bills this month", "biggest 5 2026-11-01..2026-11-30 category=Groceries"),
    ("top 10 expenses this year", "biggest 10 2026-01-01..2026-12-31"),
    ("highest expenses since march", "biggest 5 2026-03-01..2026-11-25"),
    ("biggest travel expenses in 2025", "biggest 5 2025-01-01..2025-12-31 category=Travel"),
    ("top 50 expenses", "biggest 20 2026-11-01..2026-11-30"),
    ("show me the 3 largest expenses yesterday", "biggest 3 2026-11-24..2026-11-24"),
    ("3 biggest expenses in the last 30 days", "biggest 3 2026-10-27..2026-11-25"),
    ("largest dining out bills in q3", "biggest 5 2026-07-01..2026-09-30 category=Dining out"),
    ("what was our biggest expense last month", "biggest 5 2026-10-01..2026-10-31"),
    // Two periods side by side.
    ("compare October and November", "compare 2026-10-01..2026-10-31 with 2026-11-01..2026-11-30"),
    ("compare this month and last month", "compare 2026-11-01..2026-11-30 with 2026-10-01..2026-10-31"),
    ("how does this month compare to last month", "compare 2026-11-01..2026-11-30 with 2026-10-01..2026-10-31"),
    ("october vs november", "compare 2026-10-01..2026-10-31 with 2026-11-01..2026-11-30"),
    ("compare groceries in september and october", "compare 2026-09-01..2026-09-30 with 2026-10-01..2026-10-31 category=Groceries"),
    ("compare this year with last year", "compare 2026-01-01..2026-12-31 with 2025-01-01..2025-12-31"),
    ("compare last week", "compare 2026-11-09..2026-11-15 with 2026-11-16..2026-11-22"),
    ("compare this month", "compare 2026-10-01..2026-10-31 with 2026-11-01..2026-11-30"),
    ("compare may and june", "compare 2026-05-01..2026-05-31 with 2026-06-01..2026-06-30"),
    ("q2 versus q3", "compare 2026-04-01..2026-06-30 with 2026-07-01..2026-09-30"),
    ("compare dining in 2025 vs 2026", "compare 2025-01-01..2025-12-31 with 2026-01-01..2026-12-31 category=Dining out"),
    ("difference between last month and this month", "compare 2026-10-01..2026-10-31 with 2026-11-01..2026-11-30"),
    ("did we spend more in november than in october?", "compare 2026-11-01..2026-11-30 with 2026-10-01..2026-10-31"),
    ("transport in q1 compared to q2", "compare 2026-01-01..2026-03-31 with 2026-04-01..2026-06-30 category=Transport"),
    ("compare", "clarify Compare which periods? [compare last month and this month | compare last year and this year | compare last week and this week]"),
    // Monthly averages.
    ("average monthly spend on transport this year", "average 2026-01-01..2026-12-31 category=Transport"),
    ("what's our average monthly spending", "average 2026-01-01..2026-12-31"),
    ("how much do we spend on groceries per month", "average 2026-01-01..2026-12-31 category=Groceries"),
    ("average spend on dining out in 2025", "average 2025-01-01..2025-12-31 category=Dining out"),
    ("typical monthly grocery bill", "average 2026-01-01..2026-12-31 category=Groceries"),
    ("avg per month since march", "average 2026-03-01..2026-11-25"),
    ("how much do we usually spend on utilities each month", "average 2026-01-01..2026-12-31 category=Utilities"),
    ("monthly average for health last year", "average 2025-01-01..2025-12-31 category=Health"),
    // Budgets.
    ("what's left in the dining budget?", "budget Dining"),
    ("how are our budgets doing", "budgets"),
    ("budget status", "budgets"),
    ("how much is left in groceries budget", "budget Groceries"),
    ("how much is left for groceries", "budget Groceries"),
    ("am I over budget", "budgets"),
    ("what's remaining in the household budget", "budget Household"),
    ("dining budget", "budget Dining"),
    ("how's the restaurant budget looking", "budget Dining"),
    ("budgets", "budgets"),
    ("are we on track with the groceries budget", "budget Groceries"),
    ("what's left in the pets budget", "clarify No budget here matches \"pets\". Which one do you mean? [what left in the dining budget | what left in the groceries budget | what left in the household budget]"),
    // Who owes whom.
    ("who owes whom?", "balances"),
    ("who owes who", "balances"),
    ("how much does Sam owe", "balances member=Sam Lee"),
    ("what do I owe", "balances member=Alex Morgan"),
    ("what's my balance", "balances member=Alex Morgan"),
    ("do we need to settle up", "balances"),
    ("balances", "balances"),
    ("does priya owe me anything", "balances member=Priya Shah"),
    ("who is owed money", "balances"),
    ("what is jordan's balance", "clarify Which member do you mean by \"jordan\"? [what is jordan lee's balance | what is jordan park's balance]"),
    // Quick entry: a prefilled expense to confirm.
    ("coffee 4.50 yesterday", "add \"Coffee\" 4.50 EUR on 2026-11-24"),
    ("rent 1200 paid by Sam split equally", "add \"Rent\" 1200 EUR on 2026-11-25 category=Housing paid_by=Sam Lee split=everyone"),
    ("lunch 12.30", "add \"Lunch\" 12.30 EUR on 2026-11-25"),
    ("add lunch 12.30 today", "add \"Lunch\" 12.30 EUR on 2026-11-25"),
    ("coffee €3.20", "add \"Coffee\" 3.20 EUR on 2026-11-25"),
    ("taxi $23 last friday", "add \"Taxi\" 23 USD on 2026-11-20 category=Transport"),
    ("groceries 54.20 at Lidl", "add \"Groceries\" 54.20 EUR on 2026-11-25 category=Groceries payee=\"Lidl\""),
    ("spent 30 on groceries", "add \"Groceries\" 30 EUR on 2026-11-25 category=Groceries"),
    ("I paid 45 for gas yesterday", "add \"Gas\" 45 EUR on 2026-11-24 paid_by=Alex Morgan"),
    ("dinner 86,40 € on friday", "add \"Dinner\" 86.40 EUR on 2026-11-20"),
    ("cinema tickets 24 on 3 november", "add \"Cinema tickets\" 24 EUR on 2026-11-03 category=Entertainment"),
    ("electricity bill 1,250.00 paid by priya", "add \"Electricity bill\" 1250.00 EUR on 2026-11-25 category=Utilities paid_by=Priya Shah"),
    ("pizza 18 split with sam", "add \"Pizza\" 18 EUR on 2026-11-25 split=with:Sam Lee"),
    ("pizza 18 split with sam and priya", "add \"Pizza\" 18 EUR on 2026-11-25 split=with:Sam Lee,Priya Shah"),
    ("hotel 240 gbp on 2026-10-12 split equally", "add \"Hotel\" 240 GBP on 2026-10-12 category=Travel split=everyone"),
    ("book 12.99 on monday", "add \"Book\" 12.99 EUR on 2026-11-23"),
    ("coffee 4.5 euros", "add \"Coffee\" 4.5 EUR on 2026-11-25"),
    ("train ticket 35 dollars", "add \"Train ticket\" 35 USD on 2026-11-25 category=Transport"),
    ("record dinner at Nandos 62", "add \"Dinner\" 62 EUR on 2026-11-25 payee=\"Nandos\""),
    ("parking 6", "add \"Parking\" 6 EUR on 2026-11-25"),
    ("¥1500 sushi", "add \"Sushi\" 1500 JPY on 2026-11-25"),
    ("doctor 80 yesterday paid by sam", "add \"Doctor\" 80 EUR on 2026-11-24 category=Health paid_by=Sam Lee"),
    ("pharmacy 12.40 2 days ago", "add \"Pharmacy\" 12.40 EUR on 2026-11-23 category=Health"),
    ("taxi to the airport 38", "add \"Taxi to the airport\" 38 EUR on 2026-11-25 category=Transport"),
    ("gift for mum 25.00", "add \"Gift for mum\" 25.00 EUR on 2026-11-25"),
    ("bus 2.80", "add \"Bus\" 2.80 EUR on 2026-11-25 category=Transport"),
    ("water bill 40 paid by jordan park", "add \"Water bill\" 40 EUR on 2026-11-25 category=Utilities paid_by=Jordan Park"),
    ("gym 35 on sept 5", "add \"Gym\" 35 EUR on 2026-09-05"),
    ("log groceries 23.10 on 2026-11-20 at aldi split equally", "add \"Groceries\" 23.10 EUR on 2026-11-20 category=Groceries payee=\"Aldi\" split=everyone"),
    ("Sam paid 60 for dinner", "add \"Dinner\" 60 EUR on 2026-11-25 paid_by=Sam Lee"),
    ("2 coffees 9", "clarify Which is the amount: 2 or 9? [2 EUR coffees 9 | 2 coffees 9 EUR]"),
    ("rent 1200 last month", "clarify On which day? [rent 1200 on 2026-10-01 | rent 1200 on 2026-10-31]"),
    ("4.50", "clarify What was 4.50 for? …"),
    ("lunch 15 paid by bob", "clarify Nobody here is called \"bob\". Who do you mean? …"),
    ("lunch 15 paid by jordan", "clarify Which member do you mean by \"jordan\"? [lunch 15 paid by jordan lee | lunch 15 paid by jordan park]"),
    ("how much did jordan spend this month", "clarify Which member do you mean by \"jordan\"? …"),
    ("how much did we spend on food last month", "clarify Which category do you mean by \"food\"? [how much did we spend on groceries last month | how much did we spend on dining out last month]"),
    ("how much on gas this year", "clarify Which category do you mean by \"gas\"? …"),
    // Help with the app.
    ("how do I invite someone?", "help invite"),
    ("export my data", "help export"),
    ("how can I add my partner", "help invite"),
    ("invite sam@example.com", "help invite"),
    ("how do I export to csv", "help export"),
    ("can I download a backup", "help export"),
    ("how do I import a bank statement", "help import"),
    ("upload a csv", "help import"),
    ("how do I add an expense", "help add_expense"),
    ("how to set up a budget", "help budgets"),
    ("how do I create a category", "help categories"),
    ("how do we settle up", "help settle"),
    ("how do I add a recurring expense", "help recurring"),
    ("how do I see reports", "help reports"),
    ("help", "help start"),
    ("hi", "help start"),
    ("what can you do?", "help start"),
    ("thanks", "help start"),
    ("where can I change budget alerts", "help budgets"),
    // Nothing it can do: a helpful reply, never an error.
    ("what is the meaning of life", "unknown"),
    ("asdfgh", "unknown"),
    ("tell me a joke", "unknown"),
    ("   ", "unknown"),
    ("what's the weather tomorrow", "unknown"),
    ("!!!", "unknown"),
];

#[test]
fn reads_every_phrasing_as_expected() {
    let vocabulary = vocabulary();
    let mut wrong = Vec::new();
    for (message, expected) in PHRASINGS {
        let got = interpret(message, &vocabulary).to_string();
        let matches = match expected.strip_suffix('…') {
            Some(prefix) => got.starts_with(prefix.trim_end()),
            None => got == *expected,
        };
        if !matches {
            wrong.push(format!(
                "{message:?}\n   expected {expected}\n   got      {got}"
            ));
        }
    }
    assert!(
        PHRASINGS.len() >= 150,
        "the table must hold at least 150 phrasings, not {}",
        PHRASINGS.len()
    );
    assert!(
        wrong.is_empty(),
        "{} of {} phrasings read wrongly:\n{}",
        wrong.len(),
        PHRASINGS.len(),
        wrong.join("\n")
    );
}
