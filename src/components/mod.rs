//! Small shared building blocks used by every feature.

pub mod attachments;
pub mod connection;
mod date_input;
pub mod dictation;
mod error_message;
mod error_panel;
pub mod form;
pub mod format;
mod not_found;
mod page_heading;
mod read_aloud;
mod rich_text;
mod save_on_device;
mod site_notices;

pub use attachments::{upload_attachment, AttachmentPicker};
pub use date_input::DateInput;
pub use error_message::ErrorMessage;
pub use error_panel::{ErrorPanel, Loading};
pub use not_found::NotFound;
pub use page_heading::{
    focus_heading, navigation_check, use_page_title, NavigatedFlag, PageHeading,
};
pub use read_aloud::ReadAloud;
pub use rich_text::RichTextView;
pub use save_on_device::SaveOnDevice;
pub use site_notices::{OfflineBanner, SiteNotices, StorageWarning, UpdateBanner};
