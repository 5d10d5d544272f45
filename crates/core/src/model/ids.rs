//! Item ids: the `[a-z0-9_-]+` keys that positions, leverage and events refer to.

/// Whether `id` is a valid item id: non-empty, only `a-z`, `0-9`, `_` and `-`.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// An id made from a display name (`"United States"` -> `"united-states"`), made unique
/// against `taken` by appending `-2`, `-3`, ...
pub fn unique_id<'a>(name: &str, taken: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let mut base = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            base.push(c);
        } else if !base.is_empty() && !base.ends_with('-') {
            base.push('-');
        }
    }
    while base.ends_with('-') {
        base.pop();
    }
    if base.is_empty() {
        base.push_str("item");
    }
    let is_taken = |candidate: &str| taken.clone().into_iter().any(|t| t == candidate);
    if !is_taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !is_taken(candidate))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_checked() {
        assert!(is_valid_id("ru"));
        assert!(is_valid_id("ceasefire-scope_2"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("RU"));
        assert!(!is_valid_id("ru ua"));
        assert!(!is_valid_id("é"));
    }

    #[test]
    fn ids_from_names_are_unique() {
        assert_eq!(unique_id("United States", ["ru"]), "united-states");
        assert_eq!(unique_id("  Kursk (region)! ", []), "kursk-region");
        assert_eq!(unique_id("Russia", ["russia", "russia-2"]), "russia-3");
        assert_eq!(unique_id("???", []), "item");
        assert!(is_valid_id(&unique_id("Ünïcode näme", [])));
    }
}
