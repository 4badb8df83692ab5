"""Pure domain: tables, enumerations, rules and calendars. No Qt, no file I/O."""
