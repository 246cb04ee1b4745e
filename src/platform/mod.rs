//! Small browser services shared by the features: saving files, reading the clock, yielding
//! to the browser, holding callbacks for a scope's life,
//! running effects, building a page a part per task, and telling a newer release apart.

pub mod clock;
pub mod effect;
pub mod files;
pub mod layout;
pub mod lifetime;
pub mod parts;
pub mod release;
pub mod stagger;
pub mod tasks;
