//! Properties of dividing an expense and of the settle-up plan, over many
//! generated cases.

use proptest::prelude::*;
use rust_decimal::Decimal;
use smartexpense::models::{
    expense_shares::allocate,
    settlements::{fewest_transfers, Transfer},
};

/// The most groups with a zero sum, by trying every subset holding the
/// first person: slow, obvious, and independent of the code under test.
fn most_zero_sum_groups(people: &[i64]) -> usize {
    let Some((&first, rest)) = people.split_first() else {
        return 0;
    };
    let mut best = 0;
    for mask in 0..(1u32 << rest.len()) {
        let chosen: i64 = first
            + (0..rest.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| rest[i])
                .sum::<i64>();
        if chosen == 0 {
            let others: Vec<i64> = (0..rest.len())
                .filter(|i| mask & (1 << i) == 0)
                .map(|i| rest[i])
                .collect();
            best = best.max(1 + most_zero_sum_groups(&others));
        }
    }
    best
}

fn balances_adding_to_zero(max_people: usize) -> impl Strategy<Value = Vec<i64>> {
    // Small amounts make zero-sum subgroups (and so shortcuts) common.
    prop::collection::vec(-6i64..=6, 1..max_people).prop_map(|mut v| {
        let sum: i64 = v.iter().sum();
        v.push(-sum);
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn shares_add_up_exactly_and_each_is_within_a_cent_of_its_proportion(
        total in 0i64..10_000_000_000,
        weights in prop::collection::vec(1u32..1_000_000, 1..12),
    ) {
        let decimals: Vec<Decimal> = weights.iter().map(|w| Decimal::from(*w)).collect();
        let parts = allocate(total, &decimals).expect("positive weights divide");
        prop_assert_eq!(parts.len(), weights.len());
        prop_assert_eq!(parts.iter().sum::<i64>(), total);
        let sum: i128 = weights.iter().map(|w| i128::from(*w)).sum();
        for (part, weight) in parts.iter().zip(&weights) {
            let exact_times_sum = i128::from(total) * i128::from(*weight);
            let part_times_sum = i128::from(*part) * sum;
            prop_assert!((part_times_sum - exact_times_sum).abs() < sum);
        }
        prop_assert_eq!(allocate(total, &decimals), Some(parts), "the same every time");
    }

    #[test]
    fn an_equal_split_differs_by_at_most_one_cent_and_earlier_members_get_the_rest(
        total in 0i64..1_000_000,
        people in 1usize..20,
    ) {
        let parts = allocate(total, &vec![Decimal::ONE; people]).expect("divides");
        let most = *parts.iter().max().unwrap();
        let least = *parts.iter().min().unwrap();
        prop_assert!(most - least <= 1);
        prop_assert!(parts.windows(2).all(|w| w[0] >= w[1]));
    }

    #[test]
    fn the_plan_settles_every_balance_with_the_fewest_transfers(
        balances in balances_adding_to_zero(9),
    ) {
        let people: Vec<(i64, i64)> = balances.iter().enumerate()
            .map(|(i, b)| (i64::try_from(i).unwrap(), *b)).collect();
        let plan = fewest_transfers(&people);
        let mut left: Vec<i64> = balances.clone();
        for Transfer { from, to, amount_minor } in &plan {
            prop_assert!(*amount_minor > 0);
            prop_assert_ne!(from, to);
            left[usize::try_from(*from).unwrap()] += amount_minor;
            left[usize::try_from(*to).unwrap()] -= amount_minor;
        }
        prop_assert!(left.iter().all(|b| *b == 0), "settled: {left:?}");
        let owing: Vec<i64> = balances.iter().copied().filter(|b| *b != 0).collect();
        prop_assert_eq!(plan.len(), owing.len() - most_zero_sum_groups(&owing));
    }

    #[test]
    fn large_groups_still_settle_in_at_most_one_transfer_per_person(
        balances in prop::collection::vec(-10_000i64..10_000, 17..40).prop_map(|mut v| {
            let sum: i64 = v.iter().sum();
            v.push(-sum);
            v
        }),
    ) {
        let people: Vec<(i64, i64)> = balances.iter().enumerate()
            .map(|(i, b)| (i64::try_from(i).unwrap(), *b)).collect();
        let plan = fewest_transfers(&people);
        let mut left = balances.clone();
        for t in &plan {
            left[usize::try_from(t.from).unwrap()] += t.amount_minor;
            left[usize::try_from(t.to).unwrap()] -= t.amount_minor;
        }
        prop_assert!(left.iter().all(|b| *b == 0));
        prop_assert!(plan.len() < balances.len());
    }
}
