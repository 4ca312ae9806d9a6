//! [`Derived`]: a memo whose value is stored type-erased.
//!
//! Leptos compiles its memo machinery (recompute, compare, read, drop)
//! once per value type, and the app has two dozen of them. Behind a
//! `Derived<T>` every value is an `Arc<dyn Send + Sync>` in one `Memo`
//! type, so that machinery is in the wasm once; each `T` adds only its
//! comparison and drop. The value is not an `Arc<dyn Any>`: each type's
//! `TypeId` would ship as 16 incompressible bytes at every check (measured
//! in the README's Performance section), and the type is known anyway.

use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

/// A `Derived<T>`'s value: always a `T` (see [`Derived::typed`]).
type Erased = Arc<dyn Send + Sync>;

/// A value derived from signals: recomputed when one it read changes,
/// and announced to its readers only when it differs from the last one
/// (as `Memo`). A `Copy` handle.
pub struct Derived<T> {
    memo: Memo<Erased>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

impl<T: PartialEq + Send + Sync + 'static> Derived<T> {
    pub fn new(compute: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Self::erased(compute, |old, new| match (old, new) {
            (Some(old), Some(new)) => Self::typed(old) != Self::typed(new),
            _ => true,
        })
    }
}

impl<T: Send + Sync + 'static> Derived<T> {
    /// Announces every recomputation, for a value whose comparison would
    /// cost more than it saves (it is recomputed only when an input changed).
    pub fn always_new(compute: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Self::erased(compute, |_, _| true)
    }

    fn erased(
        compute: impl Fn() -> T + Send + Sync + 'static,
        changed: fn(Option<&Erased>, Option<&Erased>) -> bool,
    ) -> Self {
        Derived {
            memo: Memo::new_with_compare(move |_| Arc::new(compute()) as Erased, changed),
            value: PhantomData,
        }
    }

    /// Reads the value, subscribing the running effect to it.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        read(Self::typed(&self.memo.get()))
    }

    /// Reads the value without subscribing.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        read(Self::typed(&self.memo.get_untracked()))
    }

    /// Subscribes the running effect without reading.
    pub fn track(&self) {
        self.memo.track();
    }

    /// The `T` behind a value of this memo.
    fn typed(value: &Erased) -> &T {
        // SAFETY: `memo` is private and only `erased` gives it values,
        // each an `Arc<T>` coerced to `Erased`, so the pointer is to a `T`;
        // it lives as long as the borrowed `Arc`.
        unsafe { &*Arc::as_ptr(value).cast::<T>() }
    }
}

impl<T: Clone + Send + Sync + 'static> Derived<T> {
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}
