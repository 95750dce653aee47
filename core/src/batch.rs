//! Checking many documents on every core: [`check_many`], and the order-keeping [`map`] it runs
//! on (the Python package's `check_many` and the command-line tool use both).
//!
//! Threads are used only when asked for (`threads > 1`), from the standard library's scoped
//! threads; where a thread cannot be started (WebAssembly without threads), the calling thread
//! does the work itself. Results come back in input order either way.
//!
//! ```
//! use yusuan::options::{Input, Options};
//! # let text = include_str!("../../tests/corpus/seed_2025_yantai_unit_budget.txt");
//! let inputs = [Input::Text(text), Input::Text(""), Input::Bytes(text.as_bytes())];
//! let reports = yusuan::batch::check_many(&inputs, &Options::default(), 2);
//! assert!(reports[0].is_ok() && reports[2].is_ok());
//! assert_eq!(reports[1].as_ref().unwrap_err().code(), "empty_input");
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::Result;
use crate::options::{Input, Options};
use crate::report::Report;

/// The number of threads to use by default: one per core (1 where that is not known).
#[must_use]
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Reads and checks every input with `options` on up to `threads` threads; the reports (or the
/// errors of inputs that cannot be read) in input order.
#[must_use]
pub fn check_many(inputs: &[Input<'_>], options: &Options, threads: usize) -> Vec<Result<Report>> {
    let parser = options.parser();
    let checker = options.checker();
    map(inputs, threads, |input| {
        let doc = options.read(&parser, *input)?;
        Ok(checker.check(&doc))
    })
}

/// `f` applied to every item on up to `threads` threads (the calling one included), in item
/// order. A panic in `f` is resumed on the calling thread once the others are done.
///
/// # Examples
///
/// ```
/// let squares = yusuan::batch::map(&[1, 2, 3, 4], 3, |x| x * x);
/// assert_eq!(squares, [1, 4, 9, 16]);
/// ```
pub fn map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let mut slots: Vec<Option<R>> = items.iter().map(|_| None).collect();
    std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads.min(items.len()))
            .filter_map(|_| std::thread::Builder::new().spawn_scoped(s, work).ok())
            .collect();
        let mut done = work();
        for helper in helpers {
            match helper.join() {
                Ok(more) => done.extend(more),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (i, result) in done {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(result);
            }
        }
    });
    // Every index was taken by exactly one worker, and every worker finished (or its panic was
    // resumed above): no slot is empty.
    slots.into_iter().flatten().collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    #[test]
    fn order_is_kept_with_any_number_of_threads() {
        let items: Vec<u32> = (0..100).collect();
        for threads in [0, 1, 2, 7, 200] {
            assert_eq!(
                super::map(&items, threads, |x| x + 1),
                (1..101).collect::<Vec<_>>()
            );
        }
        assert!(super::map(&[] as &[u8], 4, |x| *x).is_empty());
        assert!(super::threads() >= 1);
    }
}
