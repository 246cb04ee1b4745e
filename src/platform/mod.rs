//! Small browser services shared by the features: saving files, reading the clock, yielding
//! to the browser, holding callbacks for a scope's life,
//! running effects, and building a page a part per task.

pub mod clock;
pub mod effect;
pub mod files;
pub mod layout;
pub mod lifetime;
pub mod parts;
pub mod stagger;
pub mod tasks;
