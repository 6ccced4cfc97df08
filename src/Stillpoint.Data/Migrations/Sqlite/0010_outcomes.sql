-- Issue 7: the outcome dashboard and durability read one instrument's totals for a clinic from this index alone.
CREATE INDEX "IX_InstrumentResponses_Outcomes" ON "InstrumentResponses" ("ClinicId", "InstrumentId", "PatientId", "AnsweredAt", "IsComplete", "Total", "Id");
