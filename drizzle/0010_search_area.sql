ALTER TABLE "search_documents" ADD COLUMN "gebied" "box";--> statement-breakpoint
CREATE INDEX "search_documents_gebied_idx" ON "search_documents" USING gist ("gebied");