//! The Python classes are generated: [`wrapper!`] declares a frozen class around a core value
//! and gives it what every class has: `==`, pickling through the core's serde JSON
//! (`__reduce__` → `_restore(class name, JSON)`), and `to_dict()` when asked for.

use pyo3::prelude::*;
use pyo3::types::PyTuple;
use serde::Serialize;

/// `wrapper! { /// docs  PyX(core::X) as "X" + to_dict { members } }` declares `PyX { inner }`
/// as the Python class `X`. Members, in any order: `name: Type = |x| expr;` (a property; `x` is
/// the core value), `fn name(a: A, …) -> Type = |x| expr;` (a method with positional-only
/// arguments), `fn name(*, a: A = default, …) -> …` (keyword-only ones), `static fn name(a: A)
/// -> Type = expr;` (a static method), and methods written out as in a `#[pymethods]` block.
macro_rules! wrapper {
    ($(#[$meta:meta])* $py:ident($inner:ty) as $name:literal $(+ $dict:ident)?
        { $($body:tt)* }) => {
        $(#[$meta])*
        #[pyo3::pyclass(frozen, eq, module = "yusuan", name = $name)]
        #[derive(PartialEq)]
        pub(crate) struct $py {
            pub(crate) inner: $inner,
        }

        impl From<$inner> for $py {
            fn from(inner: $inner) -> Self {
                $py { inner }
            }
        }

        impl crate::wrap::Pickled for $py {
            const NAME: &'static str = $name;
            fn restore(data: &str) -> pyo3::PyResult<Self> {
                crate::convert::from_json(data, $name).map(|inner| $py { inner })
            }
        }

        crate::wrap::wrapper!(@members $py [
            fn __reduce__<'py>(&self, py: Python<'py>)
                -> PyResult<Bound<'py, pyo3::types::PyTuple>> {
                crate::wrap::reduce(py, $name, &self.inner)
            }
            $(
                /// Its JSON form as a `dict` (amounts as decimal strings).
                fn $dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    crate::convert::to_py_dict(py, &self.inner)
                }
            )?
        ] $($body)*);
    };
    (@members $py:ident [$($done:tt)*]) => {
        #[pyo3::pymethods]
        impl $py {
            $($done)*
        }
    };
    (@members $py:ident [$($done:tt)*]
        $(#[$m:meta])* fn $method:ident() -> $ty:ty = |$s:ident| $e:expr; $($rest:tt)*) => {
        crate::wrap::wrapper!(@members $py [$($done)*
            $(#[$m])* fn $method(&self) -> $ty { let $s = &self.inner; $e }
        ] $($rest)*);
    };
    (@members $py:ident [$($done:tt)*] $(#[$m:meta])*
        fn $method:ident($($a:ident: $aty:ty),+) -> $ty:ty = |$s:ident| $e:expr; $($rest:tt)*) => {
        crate::wrap::wrapper!(@members $py [$($done)*
            $(#[$m])* #[pyo3(signature = ($($a),+, /))]
            fn $method(&self, $($a: $aty),+) -> $ty { let $s = &self.inner; $e }
        ] $($rest)*);
    };
    (@members $py:ident [$($done:tt)*] $(#[$m:meta])*
        fn $method:ident(*, $($a:ident: $aty:ty = $d:tt),+) -> $ty:ty = |$s:ident| $e:expr;
        $($rest:tt)*) => {
        crate::wrap::wrapper!(@members $py [$($done)*
            $(#[$m])* #[pyo3(signature = (*, $($a = $d),+))]
            fn $method(&self, $($a: $aty),+) -> $ty { let $s = &self.inner; $e }
        ] $($rest)*);
    };
    (@members $py:ident [$($done:tt)*] $(#[$m:meta])*
        static fn $method:ident($($a:ident: $aty:ty),+) -> $ty:ty = $e:expr; $($rest:tt)*) => {
        crate::wrap::wrapper!(@members $py [$($done)*
            $(#[$m])* #[staticmethod] #[pyo3(signature = ($($a),+, /))]
            fn $method($($a: $aty),+) -> $ty { $e }
        ] $($rest)*);
    };
    (@members $py:ident [$($done:tt)*]
        $(#[$m:meta])* $field:ident: $ty:ty = |$s:ident| $e:expr; $($rest:tt)*) => {
        crate::wrap::wrapper!(@members $py [$($done)*
            $(#[$m])* #[getter] fn $field(&self) -> $ty { let $s = &self.inner; $e }
        ] $($rest)*);
    };
    (@members $py:ident [$($done:tt)*] $t:tt $($rest:tt)*) => {
        crate::wrap::wrapper!(@members $py [$($done)* $t] $($rest)*);
    };
}
pub(crate) use wrapper;

/// `CLASSES`: every class by name, with how to rebuild it from a pickle and how to add it to the
/// module.
macro_rules! classes {
    ($($module:ident: $($class:ident)*;)*) => {
        type Restore = for<'py> fn(Python<'py>, &str) -> PyResult<Bound<'py, PyAny>>;
        type Add = fn(&Bound<'_, PyModule>) -> PyResult<()>;
        const CLASSES: &[(&str, Restore, Add)] = &[$($((
            <$module::$class as crate::wrap::Pickled>::NAME,
            crate::wrap::restore_as::<$module::$class>,
            |m| m.add_class::<$module::$class>(),
        ),)*)*];
    };
}
pub(crate) use classes;

/// A class that pickles as its core value's JSON.
pub(crate) trait Pickled: Sized {
    /// The Python class name, the key of [`restore_as`] in `_restore`.
    const NAME: &'static str;
    /// The object of a pickled JSON.
    fn restore(data: &str) -> PyResult<Self>;
}

/// `(yusuan._yusuan._restore, (class_name, JSON))`, the value of `__reduce__`.
pub(crate) fn reduce<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    class_name: &str,
    value: &T,
) -> PyResult<Bound<'py, PyTuple>> {
    let restore = py.import("yusuan._yusuan")?.getattr("_restore")?;
    let args = (class_name, crate::convert::to_json(value)?).into_pyobject(py)?;
    PyTuple::new(py, [restore, args.into_any()])
}

/// Rebuilds a pickled `T`.
pub(crate) fn restore_as<'py, T>(py: Python<'py>, data: &str) -> PyResult<Bound<'py, PyAny>>
where
    T: Pickled + pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>,
{
    Ok(Bound::new(py, T::restore(data)?)?.into_any())
}

/// The items of a core list as Python objects of class `W`.
pub(crate) fn list<T: Clone, W: From<T>>(items: &[T]) -> Vec<W> {
    items.iter().cloned().map(W::from).collect()
}

/// The first item that `found` accepts, or a `KeyError` with the message `missing` makes.
pub(crate) fn find<T: Clone, W: From<T>>(
    items: &[T],
    found: impl Fn(&T) -> bool,
    missing: impl FnOnce() -> String,
) -> PyResult<W> {
    let item = items.iter().find(|t| found(t)).cloned();
    item.map(W::from)
        .ok_or_else(|| pyo3::exceptions::PyKeyError::new_err(missing()))
}

/// Calls `yusuan.<module>.<function>(obj, **kwargs)`: the pandas frames and notebook HTML are
/// written in Python (`_frames.py`, `_display.py`).
pub(crate) fn call_python<'py, T: pyo3::PyTypeInfo>(
    obj: &Bound<'py, T>,
    module: &str,
    function: &str,
    kwargs: Option<&Bound<'py, pyo3::types::PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let f = obj.py().import(module)?.getattr(function)?;
    f.call((obj,), kwargs)
}
