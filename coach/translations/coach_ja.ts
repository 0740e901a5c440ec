<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Duration</name>
    <message>
        <location filename="../ui/widgets.py" line="114"/>
        <source>{m} min {s} s</source>
        <translation>{m}分{s}秒</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="116"/>
        <source>{m} min</source>
        <translation>{m}分</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="117"/>
        <source>{s} s</source>
        <translation>{s}秒</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../ui/help.py" line="79"/>
        <source>This app does not replace advice from a clinician.</source>
        <translation>このアプリは、医師や理学療法士などの専門家による助言の代わりにはなりません。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="88"/>
        <source>Welcome to Knee Coach</source>
        <translation>Knee Coach へようこそ</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="90"/>
        <source>Knee Coach guides you through gentle knee exercises and keeps a record of your pain so you can see how it changes. If you are not sure these exercises suit you, ask your doctor or physiotherapist first.

Some discomfort while exercising is normal and is not a sign of harm. Stop at once if you feel a sharp pain. Help &gt; Safety lists when to get medical advice.</source>
        <translation>Knee Coach は、膝にやさしい運動を一つずつ案内し、痛みの記録をつけて変化を見られるようにするアプリです。これらの運動が自分に合うかどうか分からないときは、先に医師や理学療法士に相談してください。

運動中に多少の違和感があるのはよくあることで、悪化のしるしではありません。鋭い痛みを感じたら、すぐに中止してください。受診の目安は［ヘルプ］＞［安全のために］にまとめてあります。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="97"/>
        <source>I understand</source>
        <translation>了解しました</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="105"/>
        <source>About Knee Coach</source>
        <translation>Knee Coach について</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="106"/>
        <source>Knee Coach {version}</source>
        <translation>Knee Coach {version}</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="107"/>
        <source>Guided knee exercises, with safety first and a pain trend you can share with your clinician.

{notice}</source>
        <translation>安全を第一に膝の運動を案内し、かかりつけの専門家と共有できる痛みの推移を記録します。

{notice}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="51"/>
        <source>Knee Coach</source>
        <translation>Knee Coach</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="75"/>
        <location filename="../ui/main_window.py" line="93"/>
        <source>Routines</source>
        <translation>ルーティン</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="85"/>
        <source>Details…</source>
        <translation>詳細…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="98"/>
        <source>Start routine</source>
        <translation>ルーティンを始める</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="100"/>
        <source>Start the selected routine</source>
        <translation>選んだルーティンを始める</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="127"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="128"/>
        <source>&amp;Reload routines</source>
        <translation>ルーティンを再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="132"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="136"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="137"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="140"/>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="149"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="150"/>
        <source>&amp;Safety and when to get help</source>
        <translation>安全のために・受診の目安(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="153"/>
        <source>&amp;About Knee Coach</source>
        <translation>Knee Coach について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="168"/>
        <source>1 routine file could not be loaded: {names}</source>
        <translation>読み込めなかったルーティンファイルが1件あります: {names}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="169"/>
        <source>{n} routine files could not be loaded: {names}</source>
        <translation>読み込めなかったルーティンファイルが{n}件あります: {names}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="194"/>
        <source>Routines reloaded.</source>
        <translation>ルーティンを読み込み直しました。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="203"/>
        <source>Routine not found</source>
        <translation>ルーティンが見つかりません</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="204"/>
        <source>There is no routine with the id “{id}”. Choose one from the list.</source>
        <translation>ID「{id}」のルーティンはありません。一覧から選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="218"/>
        <source>Routine files that could not be loaded</source>
        <translation>読み込めなかったルーティンファイル</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="222"/>
        <source>These files were skipped. The other routines work as usual. Fix each problem at the line shown, then choose File &gt; Reload routines.</source>
        <translation>これらのファイルは読み込まれませんでした。ほかのルーティンはいつもどおり使えます。表示された行の問題を直してから、［ファイル］＞［ルーティンを再読み込み］を選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="237"/>
        <source>Your journal could not be opened ({reason}). Nothing was deleted: the old file was kept as {backup}. A new, empty journal has been started.</source>
        <translation>記録ファイルを開けませんでした（{reason}）。削除したものはありません。元のファイルは {backup} として保管し、新しい空の記録を始めました。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="243"/>
        <source>Your pain ratings and sessions cannot be saved right now: {reason}. Folder: {folder}</source>
        <translation>現在、痛みの評価や運動の記録を保存できません: {reason}。フォルダー: {folder}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="257"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="258"/>
        <source>The new language is used the next time Knee Coach starts. Restart now?</source>
        <translation>新しい言語は次回の起動から使われます。今すぐ再起動しますか？</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../ui/widgets.py" line="104"/>
        <source>Dismiss</source>
        <extracomment>``translate(&quot;Context&quot;, &quot;text&quot;)``: the name lupdate looks for outside QObject classes.</extracomment>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>RoutineDetails</name>
    <message>
        <location filename="../ui/routine_view.py" line="15"/>
        <source>right side, then left side</source>
        <translation>右側のあと左側</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="16"/>
        <source>left side</source>
        <translation>左側</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="17"/>
        <source>right side</source>
        <translation>右側</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="46"/>
        <source>Choose a routine on the left.</source>
        <translation>左の一覧からルーティンを選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="53"/>
        <source>1 step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="53"/>
        <source>{n} steps</source>
        <translation>{n}ステップ</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="58"/>
        <source>How often</source>
        <translation>頻度の目安</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="70"/>
        <source>Before you start</source>
        <translation>始める前に</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="76"/>
        <source>You will need</source>
        <translation>用意するもの</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="79"/>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="85"/>
        <source>{title}  ({details})</source>
        <translation>{title}（{details}）</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="86"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SafetyDialog</name>
    <message>
        <location filename="../ui/help.py" line="26"/>
        <source>Safety and when to get help</source>
        <translation>安全のために・受診の目安</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="29"/>
        <source>Stop the session at once if you notice</source>
        <translation>次のようなときは、すぐに運動を中止してください</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="30"/>
        <source>a sharp or stabbing pain</source>
        <translation>鋭い痛みや、刺すような痛みがある</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="31"/>
        <source>new, sudden pain, swelling or redness</source>
        <translation>新たに急な痛み・腫れ・赤みが出てきた</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="32"/>
        <source>dizziness, or you feel unwell or feverish</source>
        <translation>めまいがする、気分が悪い、熱っぽい</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="34"/>
        <source>Do not exercise today if</source>
        <translation>次のような日は運動を休みましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="35"/>
        <source>your knee is hot, red or swollen</source>
        <translation>膝に熱っぽさ・赤み・腫れがある</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="36"/>
        <source>you have a fever or feel unwell</source>
        <translation>熱がある、または体調がすぐれない</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="37"/>
        <source>Rest and cool the joint instead. If it does not settle, see a clinician.</source>
        <translation>その日は安静にして膝を冷やしましょう。おさまらないときは医療機関を受診してください。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="40"/>
        <source>Get medical advice the same day if</source>
        <translation>次のようなときは、その日のうちに受診してください</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="41"/>
        <source>you cannot put weight on the leg, or walking has become very hard</source>
        <translation>脚に体重をかけられない、または歩くのがとても難しくなった</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="42"/>
        <source>the knee is badly swollen, has changed shape, or will not straighten</source>
        <translation>膝がひどく腫れている、形が変わった、または伸ばしきれない</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="44"/>
        <source>the knee locks or gives way</source>
        <translation>膝が引っかかって動かなくなる、またはガクッと力が抜ける</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="45"/>
        <source>the knee is red and hot and you have a fever or chills</source>
        <translation>膝が赤く熱を持ち、発熱や寒気もある</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="46"/>
        <source>the pain is constant, wakes you at night, or comes with weight loss</source>
        <translation>痛みが一日中続く、夜中に痛みで目が覚める、または体重が減ってきている</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="49"/>
        <source>Call emergency services if</source>
        <translation>次のようなときは、すぐに救急車を呼んでください</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="50"/>
        <source>one calf or thigh is painful, swollen, warm or red</source>
        <translation>片方のふくらはぎや太ももが痛み、腫れ、熱、赤みを帯びている</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="51"/>
        <source>you are short of breath or have chest pain</source>
        <translation>息苦しさや胸の痛みがある</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="53"/>
        <source>See a knee specialist if</source>
        <translation>次のようなときは、整形外科を受診しましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="54"/>
        <source>your knee has not improved after several days of rest</source>
        <translation>数日休んでも膝がよくならない</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="55"/>
        <source>it has not improved after three to six months of regular exercise</source>
        <translation>3〜6か月続けて運動しても改善が見られない</translation>
    </message>
</context>
</TS>
