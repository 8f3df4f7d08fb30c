using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dealership.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TouchpointsLastMessageIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Touchpoints_CustomerId_Kind_Direction_OccurredAt",
                table: "Touchpoints",
                columns: new[] { "CustomerId", "Kind", "Direction", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Touchpoints_CustomerId_Kind_Direction_OccurredAt",
                table: "Touchpoints");
        }
    }
}
