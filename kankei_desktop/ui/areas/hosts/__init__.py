"""受入先: hosts and lodgings, with their capacity and timeline."""
