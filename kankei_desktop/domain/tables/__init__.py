"""The whole schema. Importing this package registers every table."""

from kankei_desktop.domain.tables.base import Record, Versioned, new_id, utc_now
from kankei_desktop.domain.tables.exchange import (
    ExchangeConflict,
    ExchangeContext,
    ExchangeEvent,
    ExchangeHistory,
    ExchangeJournal,
    ExchangeOffice,
)
from kankei_desktop.domain.tables.hosts import Host, Stay, StayParticipant
from kankei_desktop.domain.tables.mail import Letter, Shipment
from kankei_desktop.domain.tables.people import (
    Interaction,
    LadderStageChange,
    Person,
    PersonTag,
    PersonTie,
)
from kankei_desktop.domain.tables.programmes import (
    Enrollment,
    EnrollmentStageChange,
    Programme,
    ProgrammeStage,
    ProgrammeTarget,
)
from kankei_desktop.domain.tables.system import (
    Attachment,
    AuditEntry,
    CustomIndicator,
    CustomIndicatorValue,
    ImportMapping,
    ReportComment,
    Segment,
    Setting,
)

__all__ = [
    "Attachment", "AuditEntry", "CustomIndicator", "CustomIndicatorValue", "Enrollment",
    "EnrollmentStageChange", "ExchangeConflict", "ExchangeContext", "ExchangeEvent",
    "ExchangeHistory", "ExchangeJournal", "ExchangeOffice", "Host", "ImportMapping", "Interaction", "LadderStageChange",
    "Letter", "Person", "PersonTag", "PersonTie", "Programme", "ProgrammeStage",
    "ProgrammeTarget", "Record", "ReportComment", "Segment", "Setting", "Shipment", "Stay",
    "StayParticipant", "Versioned", "new_id", "utc_now",
]
