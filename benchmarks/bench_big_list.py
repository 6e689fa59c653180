"""A 10,000-row problem list end to end: wall time of ``zhenggai match`` on a generated ledger.

Usage: python benchmarks/bench_big_list.py [--rows 10000] [--repeat 3] [--report corpus/progress_cq_tzb_2022.txt]
                                           [--format xlsx csv] [--keep DIR]

Issue 11: a 10,000-row list took 77 s.  Target: under 5 s for the whole command (start-up,
reading the list and the report, matching, the tables, review.html and review.xlsx), measured
as a subprocess (``python -m pipeline match``) the way a reviewer runs it.  The list is a
整改台账 like offices keep (merged title row, two-row header, the ledger behind a 填表说明
sheet for XLSX; the same rows as CSV), its problem texts made from templates (subject,
shortfall, detail, unit) so that no two rows are alike and some match the report, some not;
责任单位 and 整改时限 vary (dates before and after the report, 长期坚持, 立行立改).

Prints each run's wall time, the median wall and CPU time per format, the command's own summary
line, the size of the outputs, the core count, PASS/FAIL against the target, and for comparison
the same command on the bundled 12-problem feedback (what every match pays before any row).  ``--keep DIR`` leaves the
generated lists and the outputs there.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ledger_layout import write_csv, write_xlsx  # beside this script

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 5.0

# Problem texts: a subject (what), a shortfall (how it falls short), a detail (an example), so
# 28 * 16 * 16 = 7,168 combinations before the row number and the unit vary them further.
SUBJECTS = (
    "理论学习中心组学习", "党委（党组）议事规则执行", "统战议事协调机构作用发挥", "意识形态工作责任制落实",
    "党外代表人士队伍建设", "统一战线智库建设", "民族宗教工作", "新的社会阶层人士统战工作",
    "全面从严治党主体责任落实", "廉政风险防控", "课题研究经费管理", "公务用车使用管理",
    "“三重一大”事项集体决策", "干部选拔任用工作", "因私出国（境）证件管理", "基层党支部标准化规范化建设",
    "“三会一课”制度落实", "党员发展工作", "巡视整改日常监督", "财务报销审核",
    "政府采购管理", "固定资产管理", "机关作风建设", "调查研究工作",
    "网络安全和保密工作", "档案管理工作", "干部教育培训", "统战宣传工作",
)
SHORTFALLS = (
    "不够深入", "落实不到位", "执行不严格", "存在薄弱环节", "推进缓慢", "制度不健全", "监督不力", "流于形式",
    "针对性不强", "统筹不够", "责任压得不实", "覆盖面不足", "规范化程度不高", "长效机制不完善",
    "与业务工作结合不紧", "跟踪问效不够",
)
DETAILS = (
    "学习计划性不强，研讨交流不充分", "部分事项未经集体研究即作决定", "台账资料不完整，记录不规范",
    "对下级单位指导督促不够经常", "个别干部存在“重业务、轻党建”倾向", "专题研究次数偏少，研究不深",
    "发现问题后整改不及时，同类问题反复出现", "费用审核把关不严，存在超标准列支", "制度执行检查不经常，缺少问责",
    "工作底数不清，联系服务不够经常", "成果转化运用不足", "廉政风险排查不及时",
    "节假日公车私用苗头未及时纠正", "档案材料缺失，程序不规范", "培训内容与岗位需求脱节", "考核评价结果运用不充分",
)
CATEGORIES = ("落实党中央决策部署方面", "全面从严治党方面", "落实新时代党的组织路线方面", "巡视整改落实方面",
              "意识形态工作方面", "作风建设方面")
UNITS = ("办公室", "研究室", "一处", "二处", "三处", "四处", "五处", "六处", "机关党委", "干部处", "机关纪委",
         "财务处", "宣传处")
DEADLINES = ("2022年3月底", "2022年6月30日前", "2022年12月底", "2023年6月底", "长期坚持", "立行立改",
             "2022年9月底前", "2021年12月31日")
MEASURES = ("制定专项整改方案，明确责任分工", "修订完善相关制度，建立长效机制", "开展专项检查，逐项整改销号",
            "组织专题学习和警示教育", "建立工作台账，定期调度推进")
PROGRESS = ("已完成", "推进中", "已完成，长期坚持", "部分完成")



def problem_text(k: int) -> str:
    """Row ``k``'s problem: its subject, shortfall and detail vary at different rates."""
    subject = SUBJECTS[k % len(SUBJECTS)]
    shortfall = SHORTFALLS[(k // len(SUBJECTS)) % len(SHORTFALLS)]
    detail = DETAILS[(k * 7 + k // 5) % len(DETAILS)]
    unit = UNITS[(k * 3) % len(UNITS)]
    return f"{subject}{shortfall}。{unit}{detail}（第{k}项）"


def row(k: int) -> list:
    return [k, CATEGORIES[(k // 11) % len(CATEGORIES)], problem_text(k), UNITS[k % len(UNITS)],
            DEADLINES[(k * 5) % len(DEADLINES)], MEASURES[k % len(MEASURES)], PROGRESS[(k // 3) % len(PROGRESS)]]


def make_xlsx(path: Path, rows: int) -> None:
    write_xlsx(path, (row(k) for k in range(1, rows + 1)), title="巡视反馈问题整改台账")


def make_csv(path: Path, rows: int) -> None:
    write_csv(path, (row(k) for k in range(1, rows + 1)))


MAKERS = {"xlsx": make_xlsx, "csv": make_csv}


def run_match(issues: Path, report: Path, out: Path) -> tuple[float, float, str]:
    """Wall time and CPU time (user + system) of one ``python -m pipeline match``, and its summary
    line; raises on failure.  The CPU time says what a busy machine's wall time hides."""
    command = [sys.executable, "-m", "pipeline", "match", "--issues", str(issues), "--report", str(report),
               "-o", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"match failed ({done.returncode}):\n{done.stderr[-3000:]}")
    lines = [line for line in (done.stdout + done.stderr).splitlines() if " problems, " in line]
    return seconds, cpu, (lines[0].strip() if lines else "")


def start_up(report: Path, out: Path) -> tuple[float, float, str]:
    """The same command on the bundled 12-problem feedback: what any match costs (imports, dictionaries)."""
    return run_match(ROOT / "corpus" / "feedback_cq_tzb_2022_example.txt", report, out)


def outputs(out: Path) -> str:
    sizes = []
    for name in ("review.html", "review.xlsx", "matches.parquet", "flags.parquet", "issues.parquet"):
        path = out / name
        if path.exists():
            sizes.append(f"{name} {path.stat().st_size / 1e6:.1f} MB")
    return ", ".join(sizes)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--report", type=Path, default=ROOT / "corpus" / "progress_cq_tzb_2022.txt")
    parser.add_argument("--format", nargs="+", choices=sorted(MAKERS), default=["xlsx", "csv"])
    parser.add_argument("--keep", type=Path, help="folder to keep the generated lists and outputs in")
    args = parser.parse_args(argv)
    print(f"{os.cpu_count()} cores (usable: {len(os.sched_getaffinity(0))}); {args.rows} rows; "
          f"report {args.report.name}; target < {TARGET_S:.0f} s per command; median of {args.repeat}")
    with tempfile.TemporaryDirectory() as scratch:
        base = args.keep or Path(scratch)
        base.mkdir(parents=True, exist_ok=True)
        verdicts = []
        for fmt in args.format:
            issues = base / f"big_list.{fmt}"
            started = time.perf_counter()
            MAKERS[fmt](issues, args.rows)
            made = time.perf_counter() - started
            times, cpus = [], []
            summary = ""
            out = base / f"out_{fmt}"
            for _ in range(args.repeat):
                seconds, cpu, summary = run_match(issues, args.report, out)
                times.append(seconds)
                cpus.append(cpu)
            median = statistics.median(times)
            ok = median < TARGET_S
            verdicts.append(ok)
            print(f"{fmt:5} list written in {made:.1f} s; runs {', '.join(f'{t:.2f}' for t in times)} s; "
                  f"median {median:.2f} s wall, {statistics.median(cpus):.2f} s CPU {'PASS' if ok else 'FAIL'}")
            print(f"      {summary}")
            print(f"      {outputs(out)}")
        small = [start_up(args.report, base / "out_small") for _ in range(args.repeat)]
        print(f"for comparison, the 12-problem feedback: median {statistics.median(s for s, _, _ in small):.2f} s wall, "
              f"{statistics.median(c for _, c, _ in small):.2f} s CPU (start-up, dictionaries, the report)")
    print("PASS" if all(verdicts) else "FAIL")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
