//! The arenas the trees of records are built in, reused per thread: a processor made for one
//! `Parser::parse` call, or an id computed from `raw`, takes the thread's spare arena instead of
//! growing a new one chunk by chunk to a record's size (several allocations per call, and their
//! release).

use std::cell::Cell;

use bumpalo::Bump;

/// The largest arena a thread keeps: a record of ordinary size fits, while one huge record does
/// not pin its memory afterwards.
const SPARE_ARENA_BYTES: usize = 1 << 20;

std::thread_local! {
    static SPARE_ARENA: Cell<Option<Bump>> = const { Cell::new(None) };
}

/// The thread's spare arena (empty), or a new one.
pub(crate) fn take() -> Bump {
    SPARE_ARENA.try_with(Cell::take).ok().flatten().unwrap_or_default()
}

/// Empties `arena` and keeps it as the thread's spare, unless it grew large.
pub(crate) fn give_back(mut arena: Bump) {
    if arena.allocated_bytes() <= SPARE_ARENA_BYTES {
        arena.reset();
        // A thread being torn down has no slot left: the arena is then simply dropped.
        let _ = SPARE_ARENA.try_with(|spare| spare.set(Some(arena)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arena_is_reused_emptied_unless_it_grew_large() {
        let arena = take();
        let _ = arena.alloc_slice_fill_copy(1000, 0u8);
        give_back(arena);
        let again = take();
        let kept = again.allocated_bytes();
        assert!(kept >= 1000, "the spare arena keeps its chunk");
        let _ = again.alloc_slice_fill_copy(1000, 0u8);
        assert_eq!(again.allocated_bytes(), kept, "emptied: the same bytes fit again without growing");
        let large = take();
        let _ = large.alloc_slice_fill_copy(SPARE_ARENA_BYTES + 1, 0u8);
        give_back(large);
        assert_eq!(take().allocated_bytes(), 0, "a large arena is not kept");
    }
}
