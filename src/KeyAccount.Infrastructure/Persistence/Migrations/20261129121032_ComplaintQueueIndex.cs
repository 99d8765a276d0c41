using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KeyAccount.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ComplaintQueueIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_stopped",
                table: "complaints",
                type: "boolean",
                nullable: false,
                computedColumnSql: "status IN ('Resolved', 'Closed')",
                stored: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "queue_due_at",
                table: "complaints",
                type: "timestamp with time zone",
                nullable: true,
                computedColumnSql: "CASE WHEN status = 'New' THEN first_response_due_at ELSE resolution_due_at END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaints_queue",
                table: "complaints",
                columns: new[] { "is_stopped", "queue_due_at", "received_at" },
                descending: new[] { false, false, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_complaints_queue",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "is_stopped",
                table: "complaints");

            migrationBuilder.DropColumn(
                name: "queue_due_at",
                table: "complaints");
        }
    }
}
