//! The settle-up plan: the fewest payments that bring a set of balances,
//! adding up to zero, to zero. It works on plain numbers (person ids and
//! minor units), one currency at a time.

/// Above this many people with a balance the exact plan (exponential in
/// their number) gives way to a greedy one with at most one transfer more
/// per person.
const EXACT_PLAN_MAX_PEOPLE: usize = 16;

/// A payment that evens out balances: `from` gives `to` the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transfer {
    pub from: i64,
    pub to: i64,
    pub amount_minor: i64,
}

/// The fewest transfers that bring every balance (`(person, amount)`,
/// adding up to zero) to zero.
///
/// Splitting people into as many groups as possible whose balances add up
/// to zero is what makes it minimal: a group of `k` settles in `k - 1`
/// transfers and no fewer, so `n` people in `g` groups need `n - g`.
#[must_use]
pub fn fewest_transfers(balances: &[(i64, i64)]) -> Vec<Transfer> {
    let people: Vec<(i64, i64)> = balances.iter().copied().filter(|b| b.1 != 0).collect();
    let groups = if people.len() <= EXACT_PLAN_MAX_PEOPLE {
        zero_sum_groups(&people)
    } else {
        vec![people]
    };
    groups
        .iter()
        .flat_map(|group| settle_group(group))
        .collect()
}

/// The most groups with a zero sum (dynamic programming over subsets).
fn zero_sum_groups(people: &[(i64, i64)]) -> Vec<Vec<(i64, i64)>> {
    let n = people.len();
    if n == 0 {
        return Vec::new();
    }
    let full = (1usize << n) - 1;
    let mut sum = vec![0i128; full + 1];
    let mut best = vec![0usize; full + 1];
    for mask in 1..=full {
        let low = mask.trailing_zeros() as usize;
        sum[mask] = sum[mask & (mask - 1)] + i128::from(people[low].1);
        let most = (0..n)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| best[mask ^ (1 << i)])
            .max()
            .unwrap_or(0);
        best[mask] = most + usize::from(sum[mask] == 0);
    }
    // Walk back to an order of people whose zero-sum prefixes cut the groups.
    let mut order = Vec::with_capacity(n);
    let mut mask = full;
    while mask != 0 {
        let want = best[mask] - usize::from(sum[mask] == 0);
        let Some(i) = (0..n).find(|i| mask & (1 << i) != 0 && best[mask ^ (1 << i)] == want) else {
            break;
        };
        order.push(i);
        mask ^= 1 << i;
    }
    order.reverse();
    let mut groups = Vec::new();
    let mut current = Vec::new();
    let mut running = 0i128;
    for i in order {
        current.push(people[i]);
        running += i128::from(people[i].1);
        if running == 0 {
            groups.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// Settles a group whose balances add up to zero in at most `len - 1`
/// transfers: the largest debtor pays the largest creditor, each step
/// clearing at least one of them.
fn settle_group(group: &[(i64, i64)]) -> Vec<Transfer> {
    let mut open: Vec<(i64, i64)> = group.to_vec();
    let mut transfers = Vec::new();
    loop {
        open.retain(|p| p.1 != 0);
        // Ties by person, so the plan is the same every time.
        let creditor = open
            .iter()
            .enumerate()
            .filter(|(_, p)| p.1 > 0)
            .max_by(|a, b| a.1 .1.cmp(&b.1 .1).then(b.1 .0.cmp(&a.1 .0)))
            .map(|(i, _)| i);
        let debtor = open
            .iter()
            .enumerate()
            .filter(|(_, p)| p.1 < 0)
            .min_by(|a, b| a.1 .1.cmp(&b.1 .1).then(a.1 .0.cmp(&b.1 .0)))
            .map(|(i, _)| i);
        let (Some(c), Some(d)) = (creditor, debtor) else {
            return transfers;
        };
        let amount = open[c].1.min(-open[d].1);
        transfers.push(Transfer {
            from: open[d].0,
            to: open[c].0,
            amount_minor: amount,
        });
        open[c].1 -= amount;
        open[d].1 += amount;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_that_cancels_is_settled_on_its_own() {
        // Largest-debtor-pays-largest-creditor alone needs 4 transfers here:
        // 2→3 4, 4→1 3, 5→3 2, 5→1 1.
        let plan = fewest_transfers(&[(1, 4), (2, -4), (3, 6), (4, -3), (5, -3)]);
        assert_eq!(plan.len(), 3, "{plan:?}");
        assert!(plan.contains(&Transfer {
            from: 2,
            to: 1,
            amount_minor: 4
        }));
    }

    #[test]
    fn nobody_owing_needs_no_transfer() {
        assert!(fewest_transfers(&[(1, 0), (2, 0)]).is_empty());
        assert!(fewest_transfers(&[]).is_empty());
    }
}
