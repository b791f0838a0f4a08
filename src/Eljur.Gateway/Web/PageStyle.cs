namespace Eljur.Gateway.Web;

/// <summary>The pages' one stylesheet, inline (no external resources), with print styles.</summary>
internal static class PageStyle
{
    public const string Css = """
        :root{--ink:#1d2433;--muted:#5b6475;--line:#d9dee7;--bad:#b42318;--badbg:#fef3f2;--warn:#b54708;--ok:#067647;--accent:#1f4fd1;--bg:#f6f7fb}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg)}
        header{background:#fff;border-bottom:1px solid var(--line);padding:10px 24px;display:flex;align-items:center;gap:16px}
        header .brand{font-weight:700;color:var(--ink);text-decoration:none}header .who{margin-left:auto;color:var(--muted)}
        header form{display:inline}main{max-width:1180px;margin:0 auto;padding:20px 24px 48px}
        h1{font-size:24px;margin:4px 0 12px}h2{font-size:18px;margin:28px 0 10px}
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 16px;margin:12px 0}
        table{border-collapse:collapse;width:100%;background:#fff;border:1px solid var(--line);border-radius:8px}
        th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}th{font-size:13px;color:var(--muted);font-weight:600;background:#fafbfd}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}tr.bad td{background:var(--badbg)}
        .bad{color:var(--bad)}.ok{color:var(--ok)}.warn{color:var(--warn)}.muted{color:var(--muted)}
        .reason{display:block;font-size:13px;color:var(--bad)}a{color:var(--accent)}
        .stats{display:flex;gap:12px;flex-wrap:wrap;margin:14px 0}.stat{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:150px}
        .stat b{display:block;font-size:24px}.stat span{color:var(--muted);font-size:13px}
        button,.button{font:inherit;background:var(--accent);color:#fff;border:0;border-radius:6px;padding:6px 12px;cursor:pointer;text-decoration:none}
        button.link{background:none;color:var(--accent);padding:0}
        form.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:end}form.filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
        select,input{font:inherit;padding:5px 8px;border:1px solid var(--line);border-radius:6px;background:#fff}
        .login{max-width:360px;margin:60px auto}.login label{display:block;margin:10px 0 4px}.login input{width:100%}
        .error{background:var(--badbg);color:var(--bad);border:1px solid #fecdca;border-radius:6px;padding:8px 10px}
        svg text{font:12px system-ui,sans-serif;fill:var(--muted)}
        @media print{header,form,.noprint{display:none}body{background:#fff}main{padding:0}table{border:0}}
        """;
}
