CREATE TABLE `cbs_data_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer DEFAULT 0 NOT NULL,
	`cleaned_generation` integer DEFAULT 0 NOT NULL,
	`writer` text,
	`writer_pid` integer,
	`writer_heartbeat_at` integer,
	CONSTRAINT "cbs_data_state_one_row" CHECK(id = 1)
);
--> statement-breakpoint
DROP INDEX `indicator_values_region_idx`;--> statement-breakpoint
DROP INDEX `indicator_values_cell_idx`;--> statement-breakpoint
ALTER TABLE `indicator_values` ADD `generation` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `indicator_values_generation_idx` ON `indicator_values` (`generation`);--> statement-breakpoint
CREATE INDEX `indicator_values_import_idx` ON `indicator_values` (`import_id`,`generation`);--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_cell_idx` ON `indicator_values` (`region_code`,`table_id`,`column`,`category`,`period`,`generation`);--> statement-breakpoint
ALTER TABLE `cbs_imports` ADD `generation` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `cbs_imports` ADD `removed_at` integer;