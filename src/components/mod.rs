//! Small shared building blocks used by every feature.

pub mod attachments;
mod error_panel;
pub mod form;
pub mod format;
mod page_heading;
mod rich_text;

pub use attachments::{upload_attachment, AttachmentPicker};
pub use error_panel::{ErrorPanel, Loading};
pub use page_heading::{
    focus_heading, use_navigated_flag, use_page_title, NavigatedFlag, PageHeading,
};
pub use rich_text::RichTextView;
