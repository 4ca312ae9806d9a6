//! The app's signals ([`Source`]) and memos ([`Derived`]): Leptos'
//! `RwSignal` and `Memo`, each holding its value type-erased.
//!
//! Leptos compiles its signal and memo machinery (read, write, notify,
//! recompute, compare, drop, and the arena's type check) once per value
//! type, and the app has about thirty of them. Here every signal holds a
//! `Box<dyn Send + Sync>` and every memo an `Arc<dyn Send + Sync>`, so
//! that machinery is in the wasm once; each value type adds only its
//! comparison, clone and drop. The values are not `dyn Any`: each type's
//! `TypeId` would ship as 16 incompressible bytes at every check, and the
//! handles know their type anyway. Measured in the README's Performance
//! section.
//!
//! Reads and writes go through Leptos' guards rather than its closure
//! methods (`with`, `update`), which would be compiled again for every
//! closure that calls them.

use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

/// A [`Source<T>`]'s value: always a `T` (see [`Source::typed`]).
type Boxed = Box<dyn Send + Sync>;

/// A [`Derived<T>`]'s value: always a `T` (see [`Derived::typed`]).
type Shared = Arc<dyn Send + Sync>;

/// A value the app sets (an input, the clock, a message): readers re-run
/// when it is set. A `Copy` handle, as `RwSignal`.
pub struct Source<T> {
    signal: RwSignal<Boxed>,
    value: PhantomData<fn() -> T>,
}

impl<T> Clone for Source<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Source<T> {}

impl<T: Send + Sync + 'static> Source<T> {
    pub fn new(value: T) -> Self {
        Source {
            signal: RwSignal::new(Box::new(value)),
            value: PhantomData,
        }
    }

    pub fn set(&self, value: T) {
        self.signal.set(Box::new(value));
    }

    /// Changes the value in place; readers re-run.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        change(Self::typed_mut(&mut self.signal.write()));
    }

    /// Reads the value, subscribing the running effect to it.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        read(Self::typed(&self.signal.read()))
    }

    /// Reads the value without subscribing.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        read(Self::typed(&self.signal.read_untracked()))
    }

    /// The `T` behind this signal's value.
    fn typed(value: &Boxed) -> &T {
        // SAFETY: `signal` is private and only `new` and `set` give it
        // values, each a `Box<T>` coerced to `Boxed`, so the pointer is to
        // a `T`; it lives as long as the borrowed box.
        unsafe { &*std::ptr::from_ref::<dyn Send + Sync>(&**value).cast::<T>() }
    }

    /// The `T` behind this signal's value, to change in place.
    fn typed_mut(value: &mut Boxed) -> &mut T {
        // SAFETY: as in `typed`; the borrow of the box is unique.
        unsafe { &mut *std::ptr::from_mut::<dyn Send + Sync>(&mut **value).cast::<T>() }
    }
}

impl<T: Clone + Send + Sync + 'static> Source<T> {
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    pub fn get_untracked(&self) -> T {
        self.with_untracked(T::clone)
    }
}

/// The one memo type behind every [`Derived`], built by one function
/// (not one per closure).
fn shared_memo(
    compute: Box<dyn Fn() -> Shared + Send + Sync>,
    changed: fn(Option<&Shared>, Option<&Shared>) -> bool,
) -> Memo<Shared> {
    Memo::new_with_compare(move |_| compute(), changed)
}

/// A value derived from signals: recomputed when one it read changes,
/// and announced to its readers only when it differs from the last one
/// (as `Memo`). A `Copy` handle.
pub struct Derived<T> {
    memo: Memo<Shared>,
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
        changed: fn(Option<&Shared>, Option<&Shared>) -> bool,
    ) -> Self {
        Derived {
            memo: shared_memo(Box::new(move || Arc::new(compute())), changed),
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
    fn typed(value: &Shared) -> &T {
        // SAFETY: `memo` is private and only `erased` gives it values,
        // each an `Arc<T>` coerced to `Shared`, so the pointer is to a `T`;
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
