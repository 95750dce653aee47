//! [`Text`]: the string type of the model's many short texts.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// A text of the model (a cell as printed, a row's code or label, an indicator's value).
///
/// It reads as a `&str` (it derefs to one, compares with `str` and `String`, and serialises as a
/// string), but a text of up to 24 bytes is stored inline: a document holds thousands of short
/// texts (figures, codes, most names), and none of them needs an allocation of its own.
///
/// ```
/// use yusuan::model::Text;
///
/// let t = Text::from("2010301");
/// assert_eq!(t, "2010301");
/// assert_eq!(t.len(), 7);
/// assert!(t.starts_with("201"));
/// let owned: String = t.into();
/// assert_eq!(owned, "2010301");
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(CompactString);

impl Text {
    /// The empty text.
    ///
    /// ```
    /// assert!(yusuan::model::Text::new().is_empty());
    /// ```
    #[must_use]
    pub const fn new() -> Text {
        Text(CompactString::const_new(""))
    }

    /// The text as a `&str`.
    ///
    /// ```
    /// assert_eq!(yusuan::model::Text::from("合计").as_str(), "合计");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Appends `s`.
    ///
    /// ```
    /// let mut t = yusuan::model::Text::from("一般公共");
    /// t.push_str("预算");
    /// assert_eq!(t, "一般公共预算");
    /// ```
    pub fn push_str(&mut self, s: &str) {
        self.0.push_str(s);
    }

    /// Empties the text, keeping its storage.
    ///
    /// ```
    /// let mut t = yusuan::model::Text::from("x");
    /// t.clear();
    /// assert!(t.is_empty());
    /// ```
    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(CompactString::from(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(CompactString::from(s))
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Text {
        Text(CompactString::from(s.as_str()))
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0.into_string()
    }
}

impl From<&Text> for String {
    fn from(t: &Text) -> String {
        t.0.as_str().to_owned()
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.0.as_str() == other.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.0.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.0.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.0.as_str()
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.as_str())
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text::from(v))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text::from(v))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::Text;

    #[test]
    fn short_and_long_texts_read_the_same() {
        for s in [
            "",
            "7",
            "2010301",
            "一般公共服务支出",
            "这是一个超过二十四个字节的很长的项目名称",
        ] {
            let t = Text::from(s);
            assert_eq!(t, s);
            assert_eq!(t.as_str(), s);
            assert_eq!(String::from(t.clone()), s);
            let json = serde_json::to_string(&t).unwrap();
            assert_eq!(json, serde_json::to_string(s).unwrap());
            let back: Text = serde_json::from_str(&json).unwrap();
            assert_eq!(back, t);
        }
    }
}
