//! Small helpers for the sentences stancemap writes, shared by the app and the CLI.

/// `n` and the noun in agreement: `count(1, "party", "parties")` is "1 party",
/// `count(3, "party", "parties")` is "3 parties".
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `n` and a noun whose plural adds an s: "1 file", "2 files".
pub fn plural(n: usize, noun: &str) -> String {
    count(n, noun, &format!("{noun}s"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_agree_with_their_number() {
        assert_eq!(count(1, "party", "parties"), "1 party");
        assert_eq!(count(0, "party", "parties"), "0 parties");
        assert_eq!(plural(1, "scenario"), "1 scenario");
        assert_eq!(plural(2, "scenario"), "2 scenarios");
    }
}
