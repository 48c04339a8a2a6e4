//! Normalized kinds (`tag.added`, ...), their families (`tag`) and the platforms.

use std::fmt;

/// The platform an event came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// `DataHub` (Entity and Relationship Change Events).
    Datahub,
    /// Atlan (webhook / notification events).
    Atlan,
    /// Apache Atlas and Microsoft Purview (entity notifications on `ATLAS_ENTITIES`).
    Atlas,
    /// `OpenMetadata` (`ChangeEvent`s of webhooks and alerts).
    OpenMetadata,
}

impl Source {
    /// Every platform.
    pub const ALL: [Source; 4] = [Source::Datahub, Source::Atlan, Source::Atlas, Source::OpenMetadata];

    /// `"datahub"`, `"atlan"`, `"atlas"` or `"openmetadata"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Datahub => "datahub",
            Source::Atlan => "atlan",
            Source::Atlas => "atlas",
            Source::OpenMetadata => "openmetadata",
        }
    }

    /// The platform's name for people (`"DataHub"`, `"Apache Atlas"`).
    pub fn display_name(self) -> &'static str {
        match self {
            Source::Datahub => "DataHub",
            Source::Atlan => "Atlan",
            Source::Atlas => "Apache Atlas",
            Source::OpenMetadata => "OpenMetadata",
        }
    }

    /// Whether the platform's events say who made the change. Apache Atlas's notifications
    /// never do (`EntityNotificationV2` carries no user), so their `actor` is always `null`.
    pub fn names_actor(self) -> bool {
        !matches!(self, Source::Atlas)
    }

    /// Looks a platform up by its name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|source| source.as_str() == name)
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! kinds {
    ($($variant:ident => $name:literal,)*) => {
        /// The normalized kind of an event. Anything a platform sends that the catalog does not
        /// know is [`Kind::Unknown`], never an error.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Kind {
            $(#[doc = concat!("`", $name, "`")] $variant,)*
        }

        impl Kind {
            /// Every kind, in catalog order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The dotted name (`"tag.added"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }
        }
    };
}

kinds! {
    EntityCreated => "entity.created",
    EntityUpdated => "entity.updated",
    EntityDeleted => "entity.deleted",
    EntityRestored => "entity.restored",
    LineageCreated => "lineage.created",
    TagAdded => "tag.added",
    TagRemoved => "tag.removed",
    TagUpdated => "tag.updated",
    TermAdded => "term.added",
    TermRemoved => "term.removed",
    DomainAdded => "domain.added",
    DomainRemoved => "domain.removed",
    OwnerAdded => "owner.added",
    OwnerRemoved => "owner.removed",
    DocumentationAdded => "documentation.added",
    DocumentationModified => "documentation.modified",
    DocumentationRemoved => "documentation.removed",
    DeprecationChanged => "deprecation.changed",
    SchemaFieldAdded => "schema.field_added",
    SchemaFieldRemoved => "schema.field_removed",
    SchemaFieldModified => "schema.field_modified",
    CustomMetadataUpdated => "custom_metadata.updated",
    BusinessAttributeAdded => "business_attribute.added",
    BusinessAttributeRemoved => "business_attribute.removed",
    StructuredPropertyAdded => "structured_property.added",
    StructuredPropertyRemoved => "structured_property.removed",
    StructuredPropertyModified => "structured_property.modified",
    AssertionRunCompleted => "assertion.run_completed",
    ProcessRunStarted => "process.run_started",
    ProcessRunCompleted => "process.run_completed",
    ProposalCreated => "proposal.created",
    ProposalStatusChanged => "proposal.status_changed",
    IncidentStatusChanged => "incident.status_changed",
    RelationshipCreated => "relationship.created",
    RelationshipUpdated => "relationship.updated",
    RelationshipDeleted => "relationship.deleted",
    Unknown => "unknown",
}

/// A kind family: the part of a kind before the dot (`tag` for `tag.added`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Family(&'static str);

impl Family {
    /// The family name.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// Every family, in catalog order.
    pub fn all() -> Vec<Family> {
        let mut families: Vec<Family> = Vec::new();
        for kind in Kind::ALL {
            if !families.contains(&kind.family()) {
                families.push(kind.family());
            }
        }
        families
    }

    /// Looks a family up by name.
    pub fn from_name(name: &str) -> Option<Family> {
        Kind::ALL.iter().map(|kind| kind.family()).find(|family| family.0 == name)
    }

    /// The kinds of this family.
    pub fn kinds(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.iter().copied().filter(move |kind| kind.family() == self)
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl Kind {
    /// Looks a kind up by its dotted name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|kind| kind.as_str() == name)
    }

    /// The family (`tag` for `tag.added`; `unknown` for `unknown`).
    pub fn family(self) -> Family {
        let name = self.as_str();
        Family(name.split_once('.').map_or(name, |(family, _)| family))
    }

    /// The part after the dot (`added`), empty for `unknown`.
    pub fn action(self) -> &'static str {
        self.as_str().split_once('.').map_or("", |(_, action)| action)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_families_group() {
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.as_str()), Some(*kind));
        }
        assert_eq!(Kind::SchemaFieldAdded.family().as_str(), "schema");
        assert_eq!(Kind::Unknown.family().as_str(), "unknown");
        let tags: Vec<Kind> = Family::from_name("tag").unwrap().kinds().collect();
        assert_eq!(tags, [Kind::TagAdded, Kind::TagRemoved, Kind::TagUpdated]);
        assert_eq!(Family::all().len(), 18);
    }
}
