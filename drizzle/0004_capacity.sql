CREATE TABLE "capacity_scenarios" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"setting" text NOT NULL,
	"naam" text NOT NULL,
	"parameters" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_scenarios_region_setting_naam_unique" UNIQUE("region_id","setting","naam")
);
--> statement-breakpoint
CREATE TABLE "external_prognoses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"setting" text NOT NULL,
	"jaar" integer NOT NULL,
	"laag" double precision NOT NULL,
	"hoog" double precision NOT NULL,
	"bron" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_prognoses_region_setting_year_unique" UNIQUE("region_id","setting","jaar"),
	CONSTRAINT "external_prognoses_band" CHECK ("external_prognoses"."laag" >= 0 and "external_prognoses"."laag" <= "external_prognoses"."hoog")
);
--> statement-breakpoint
CREATE TABLE "planned_capacity" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"naam" text NOT NULL,
	"setting" text NOT NULL,
	"bedden" integer NOT NULL,
	"verwachte_opening" date NOT NULL,
	"status" text NOT NULL,
	"location_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "planned_capacity_bedden" CHECK ("planned_capacity"."bedden" > 0),
	CONSTRAINT "planned_capacity_status" CHECK ("planned_capacity"."status" in ('plan', 'vergund', 'in_aanbouw', 'open'))
);
--> statement-breakpoint
CREATE TABLE "prognosis_parameters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_id" uuid NOT NULL,
	"setting" text NOT NULL,
	"basis_jaar" integer NOT NULL,
	"basis_overledenen" double precision NOT NULL,
	"groei_per_jaar" double precision NOT NULL,
	"aandeel_verwacht" double precision NOT NULL,
	"aandeel_laag" double precision NOT NULL,
	"aandeel_hoog" double precision NOT NULL,
	"ligduur_dagen" double precision NOT NULL,
	"bezettingsnorm" double precision NOT NULL,
	"per_jaar" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bronnen" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "prognosis_parameters_region_setting_unique" UNIQUE("region_id","setting"),
	CONSTRAINT "prognosis_parameters_share_order" CHECK ("prognosis_parameters"."aandeel_laag" <= "prognosis_parameters"."aandeel_hoog"),
	CONSTRAINT "prognosis_parameters_norm_range" CHECK ("prognosis_parameters"."bezettingsnorm" > 0 and "prognosis_parameters"."bezettingsnorm" <= 1)
);
--> statement-breakpoint
ALTER TABLE "capacity_scenarios" ADD CONSTRAINT "capacity_scenarios_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "capacity_scenarios" ADD CONSTRAINT "capacity_scenarios_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_prognoses" ADD CONSTRAINT "external_prognoses_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_prognoses" ADD CONSTRAINT "external_prognoses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_capacity" ADD CONSTRAINT "planned_capacity_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_capacity" ADD CONSTRAINT "planned_capacity_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_capacity" ADD CONSTRAINT "planned_capacity_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prognosis_parameters" ADD CONSTRAINT "prognosis_parameters_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prognosis_parameters" ADD CONSTRAINT "prognosis_parameters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "planned_capacity_region_idx" ON "planned_capacity" USING btree ("region_id");