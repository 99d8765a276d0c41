using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountHealthSeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The seam through which complaints feed an account's health (design §1.2 "service"). Until complaints
            // are recorded it has no rows, so the service signal is unknown and neutral. The complaints capability
            // replaces the view with one row per account: open complaints now, SLA breaches in the last 90 days.
            migrationBuilder.Sql("""
                CREATE VIEW account_service AS
                SELECT NULL::uuid AS account_id, NULL::integer AS open_complaints, NULL::integer AS sla_breaches_90d WHERE false;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW IF EXISTS account_service;");
        }
    }
}
