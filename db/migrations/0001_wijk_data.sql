CREATE TABLE `cbs_imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_id` text NOT NULL,
	`period` text NOT NULL,
	`file_name` text NOT NULL,
	`row_count` integer NOT NULL,
	`value_count` integer NOT NULL,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cbs_imports_table_period_file_idx` ON `cbs_imports` (`table_id`,`period`,`file_name`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_id` text NOT NULL,
	`column` text NOT NULL,
	`source_column` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`region_code` text NOT NULL,
	`period` text NOT NULL,
	`value` real,
	`missing_reason` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `indicator_values_cell_idx` ON `indicator_values` (`table_id`,`column`,`category`,`region_code`,`period`);--> statement-breakpoint
CREATE INDEX `indicator_values_region_idx` ON `indicator_values` (`region_code`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`code` text PRIMARY KEY NOT NULL,
	`label_nl` text NOT NULL,
	`label_en` text NOT NULL,
	`definition_nl` text NOT NULL,
	`unit` text NOT NULL,
	`sources` text NOT NULL,
	`computation` text NOT NULL,
	`risk_direction` text,
	`in_cocktail` integer NOT NULL,
	`reference` text NOT NULL,
	`threshold_rule` text NOT NULL,
	`min_base` integer NOT NULL,
	`level` text NOT NULL,
	`sort_order` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`code` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`name` text NOT NULL,
	`gemeente_code` text
);
--> statement-breakpoint
CREATE INDEX `regions_gemeente_idx` ON `regions` (`gemeente_code`,`level`);