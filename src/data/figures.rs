//! Figures computed from the data, how they are written, and the `{placeholder}`s that put
//! them into text, so that no derived number is ever typed into the data file twice.

use super::types::{Guide, StateSalary};

/// Writes a whole number with thousands separators: `451360` -> `451,360`.
pub fn format_count(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Writes whole dollars: `95360` -> `$95,360`.
pub fn format_dollars(value: u32) -> String {
    format!("${}", format_count(value.into()))
}

/// Writes a signed whole percentage: `35` -> `+35%`, `-5` -> `-5%`, `0` -> `0%`.
pub fn format_signed_percent(value: i32) -> String {
    if value > 0 {
        format!("+{value}%")
    } else {
        format!("{value}%")
    }
}

/// The difference of `salary` from `national`, in whole percent, rounded half away from zero.
pub fn percent_difference(salary: u32, national: u32) -> i32 {
    if national == 0 {
        return 0;
    }
    let ratio = (f64::from(salary) - f64::from(national)) / f64::from(national);
    (ratio * 100.0).round() as i32
}

impl Guide {
    /// A state's median salary against the national median, in whole percent.
    pub fn vs_national(&self, state: &StateSalary) -> i32 {
        percent_difference(state.median_salary, self.role.median_salary)
    }

    /// The sum of the states' employment: the source's state counts exceed the national total.
    pub fn state_employment_total(&self) -> u64 {
        self.states
            .iter()
            .map(|state| u64::from(state.employed))
            .sum()
    }

    /// How many states pay more than the national median.
    pub fn states_above_national(&self) -> usize {
        self.states
            .iter()
            .filter(|state| state.median_salary > self.role.median_salary)
            .count()
    }

    /// The text a `{name}` placeholder stands for, or `None` when there is no such figure.
    pub fn figure(&self, name: &str) -> Option<String> {
        Some(match name {
            "median_salary" => format_dollars(self.role.median_salary),
            "salary_low" => format_dollars(self.role.salary_range.low),
            "salary_high" => format_dollars(self.role.salary_range.high),
            "growth" => format!("{}%", self.role.growth_percent),
            "growth_years" => self.role.growth_period_years.to_string(),
            "annual_openings" => format_count(self.role.annual_openings.into()),
            "employed" => format_count(self.role.employed.into()),
            "state_count" => self.states.len().to_string(),
            "state_employment_total" => format_count(self.state_employment_total()),
            "states_above_national" => self.states_above_national().to_string(),
            _ => {
                let code = name.strip_prefix("vs_national:")?;
                let state = self.states.iter().find(|state| state.code == code)?;
                format_signed_percent(self.vs_national(state))
            }
        })
    }

    /// Replaces every `{name}` in `text` with its figure; `Err` names the first unknown one.
    pub fn fill(&self, text: &str) -> Result<String, String> {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let close = after
                .find('}')
                .ok_or_else(|| format!("unclosed '{{' in \"{text}\""))?;
            let name = &after[..close];
            let value = self
                .figure(name)
                .ok_or_else(|| format!("unknown placeholder {{{name}}}"))?;
            out.push_str(&value);
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// Like [`Guide::fill`], for text that validation has already checked.
    pub fn filled(&self, text: &str) -> String {
        self.fill(text).unwrap_or_else(|_| text.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1000), "1,000");
        assert_eq!(format_count(451_360), "451,360");
        assert_eq!(format_count(1_675_000), "1,675,000");
        assert_eq!(format_dollars(95_360), "$95,360");
    }

    #[test]
    fn percentages_are_signed_and_rounded() {
        assert_eq!(percent_difference(128_736, 95_360), 35);
        assert_eq!(percent_difference(90_592, 95_360), -5);
        assert_eq!(percent_difference(95_360, 95_360), 0);
        assert_eq!(percent_difference(1, 0), 0);
        assert_eq!(format_signed_percent(35), "+35%");
        assert_eq!(format_signed_percent(-5), "-5%");
        assert_eq!(format_signed_percent(0), "0%");
    }
}
