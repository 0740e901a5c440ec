<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>Advice</name>
    <message>
        <location filename="../ui/session_flow.py" line="235"/>
        <source>Your pain has stayed in the safe range in your last sessions of this routine. If your knee is back to usual tomorrow morning, the coach will offer the next level; take it if the exercises feel easy and well controlled.</source>
        <translation>このルーティンでは、ここ数回続けて痛みが問題のない範囲におさまっています。明日の朝、膝の痛みがふだんの程度に戻っていれば、1つ上のレベルをおすすめします。運動が楽にでき、動きもしっかりコントロールできているなら、試してみましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="240"/>
        <source>Your pain stayed in the safe range. Keep the same level for now: once it stays in the safe range for a few sessions in a row and the exercises feel easy, you can try a little more.</source>
        <translation>痛みは問題のない範囲におさまっています。今は同じレベルで続けましょう。何回か続けて問題のない範囲におさまり、運動が楽に感じられるようになったら、少し負荷を上げてもかまいません。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="244"/>
        <source>Your pain is in the acceptable range. Some pain during exercise is normal and is not a sign of harm. Keep the same level next time, and check that the pain has settled to your usual level by tomorrow morning.</source>
        <translation>痛みは許容範囲です。運動中にある程度痛むのはよくあることで、膝を傷めているしるしではありません。次回も同じレベルで行い、明日の朝までに痛みがふだんの程度に戻っているか確かめましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="249"/>
        <source>That is more pain than is helpful. Next time make it easier, with fewer repetitions, shorter holds or a smaller movement, or rest for a day. If the pain has not settled by tomorrow morning, rest, and talk to a clinician if it continues.</source>
        <translation>今回の痛みは、運動として望ましい範囲を超えています。次回は回数を減らす、保つ時間を短くする、動きを小さくするなどして軽めにするか、1日休みましょう。明日の朝になっても痛みが引かないときは休養し、続くようなら医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="47"/>
        <source>Safe</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="48"/>
        <source>Acceptable</source>
        <translation>許容範囲</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="49"/>
        <source>Too much</source>
        <translation>痛みが強すぎる</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../ui/app.py" line="162"/>
        <source>Something went wrong</source>
        <translation>問題が発生しました</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="163"/>
        <source>Knee Coach ran into an unexpected problem. Your ratings and sessions are saved. The details are in {log}.</source>
        <translation>Knee Coach で予期しない問題が起きました。痛みの評価と運動の記録は保存されています。詳しい内容は {log} にあります。</translation>
    </message>
</context>
<context>
    <name>BaselineDialog</name>
    <message>
        <location filename="../ui/checkin.py" line="330"/>
        <source>Compare with</source>
        <translation>比べる期間</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="333"/>
        <source>Your last 7 days are compared with this period. By default it is your first week of ratings.</source>
        <translation>直近7日間を、この期間と比べます。初期設定は、記録を始めた最初の1週間です。</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="343"/>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="345"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="351"/>
        <source>First week</source>
        <translation>最初の1週間</translation>
    </message>
</context>
<context>
    <name>ChairStandDialog</name>
    <message>
        <location filename="../ui/chair_stand.py" line="117"/>
        <location filename="../ui/chair_stand.py" line="188"/>
        <source>30-second chair stand test</source>
        <translation>30秒椅子立ち上がりテスト</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="144"/>
        <source>Stops the test at once; no result is saved ({key})</source>
        <translation>すぐにテストを中止します。結果は保存されません（{key}）</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="148"/>
        <source>Dizzy, unsteady or feeling ill: stops the test at once ({key})</source>
        <translation>めまい、ふらつき、具合の悪さがあるとき：すぐにテストを中止します（{key}）</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="190"/>
        <source>Count how many times you can stand up and sit down in 30 seconds. Done every few weeks, it shows how the strength in your legs changes over time.</source>
        <translation>30秒間に椅子から何回立ち上がって座れるかを数えます。数週間おきに行うと、脚の力の変化がわかります。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="197"/>
        <source>You last did this test on {date}. Results are easiest to compare when they are a week or more apart, but you can do it again now if you want.</source>
        <translation>前回このテストを行ったのは {date} です。結果は1週間以上あけると比べやすくなりますが、今もう一度行ってもかまいません。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="212"/>
        <source>What you need</source>
        <translation>用意するもの</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="214"/>
        <source>A sturdy chair without arms, with a seat about 43 cm high (an ordinary dining chair).</source>
        <translation>ひじ掛けのない、しっかりした椅子（座面の高さが約43cmの、ふつうの食卓椅子）。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="216"/>
        <source>Push the chair against a wall so that it cannot slide.</source>
        <translation>椅子が滑らないように、壁につけて置きます。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="217"/>
        <source>Nothing in the way around you.</source>
        <translation>周りに物を置かないようにしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="220"/>
        <source>How to do it</source>
        <translation>やり方</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="222"/>
        <source>Sit in the middle of the seat, back straight, feet flat on the floor about shoulder-width apart.</source>
        <translation>座面の中央に座り、背すじを伸ばして、両足を肩幅くらいに開いて足の裏を床につけます。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="224"/>
        <source>Cross your arms at the wrists and hold them against your chest.</source>
        <translation>両腕を手首のところで交差させ、胸に当てます。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="225"/>
        <source>On “Go”, stand up fully, then sit all the way down. Repeat as many times as you safely can in 30 seconds.</source>
        <translation>「はじめ」の合図で、しっかり立ち上がり、深く座ります。30秒間、無理のない範囲でできるだけ多く繰り返します。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="227"/>
        <source>Each time you are fully up, press Space or the big button. You can also count aloud and type the number at the end.</source>
        <translation>立ち上がりきるたびに、スペースキーか大きなボタンを押します。声に出して数え、最後に回数を入力してもかまいません。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="229"/>
        <source>If you need your hands to get up, use them and say so in the note at the end.</source>
        <translation>立ち上がるのに手が必要なときは手を使い、最後にメモにそのことを書きましょう。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="204"/>
        <source>Stop at once if you feel a sharp pain: press “{button}” or the {key} key. If you feel dizzy or unsteady, sit down and press “{unwell}” or the {unwell_key} key. Speed is never worth a fall.</source>
        <translation>鋭い痛みを感じたら、すぐに中止してください。［{button}］ボタンか {key} キーを押します。めまいやふらつきを感じたら、座ってから［{unwell}］ボタンか {unwell_key} キーを押します。速さよりも、転ばないことが大切です。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="237"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="241"/>
        <source>No, continue</source>
        <translation>いいえ、続けます</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="247"/>
        <source>First, a practice stand</source>
        <translation>まず、立ち上がりの練習</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="249"/>
        <source>Sit in the middle of the chair with your arms crossed on your chest.</source>
        <translation>両腕を胸の前で交差させて、椅子の中央に座ります。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="251"/>
        <source>Stand up slowly once or twice, then sit down again. This practice is not counted: it checks that the chair is steady and the movement feels all right.</source>
        <translation>ゆっくり1〜2回立ち上がって、また座ります。この練習は数えません。椅子が安定しているか、動きに無理がないかを確かめるためです。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="254"/>
        <source>Sitting again and ready? Press “Ready”. A 3-2-1 countdown follows, then 30 seconds.</source>
        <translation>座って準備ができたら「準備完了」を押します。3・2・1のカウントダウンのあと、30秒が始まります。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="257"/>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="259"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="266"/>
        <source>Counting stands: press Space each time you are up, {key} to stop for a sharp pain</source>
        <translation>立ち上がりを数えています：立ち上がるたびにスペースキー、鋭い痛みで中止するときは {key} キー</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="277"/>
        <source>Seconds left</source>
        <translation>残り秒数</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="281"/>
        <source>seconds left</source>
        <translation>残り秒数</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="284"/>
        <source>Arms crossed. Stand up fully, sit down fully. Press Space each time you are up.</source>
        <translation>腕は胸の前で交差。しっかり立ち上がり、深く座ります。立ち上がるたびにスペースキーを押します。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="295"/>
        <source>Stands</source>
        <translation>立ち上がり回数</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="298"/>
        <source>Stands counted</source>
        <translation>数えた立ち上がり回数</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="302"/>
        <source>+1 stand
(Space)</source>
        <translation>＋1回
（スペース）</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="304"/>
        <source>Count one stand</source>
        <translation>立ち上がりを1回数える</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="318"/>
        <source>Time is up: well done</source>
        <translation>時間です。お疲れさまでした</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="323"/>
        <source>Stands in 30 seconds:</source>
        <translation>30秒間の立ち上がり回数：</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="329"/>
        <source>Stands in 30 seconds</source>
        <translation>30秒間の立ち上がり回数</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="335"/>
        <source>Correct the number if it is not right, or type it if you counted yourself. If you were more than halfway up when the time ran out, add one.</source>
        <translation>回数が違っていたら直してください。自分で数えた場合は、その回数を入力します。時間切れのときに半分以上立ち上がっていたら、1回足します。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="340"/>
        <source>Last time ({date}): {count} stands.</source>
        <translation>前回（{date}）：{count}⁠回。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="345"/>
        <source>How did it go? e.g. used my hands, knee hurt</source>
        <translation>いかがでしたか？&#x3000;例：手を使った、膝が痛んだ</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="347"/>
        <location filename="../ui/chair_stand.py" line="354"/>
        <source>Note (optional)</source>
        <translation>メモ（任意）</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="351"/>
        <source>Close without saving</source>
        <translation>記録せずに閉じる</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="352"/>
        <source>Save</source>
        <translation>記録する</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="373"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="385"/>
        <source>No test result was saved; your journal notes today as a day to rest your knee.</source>
        <translation>テストの結果は保存していません。今日は膝を休める日として記録に残しました。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="388"/>
        <source>No test result was saved. Today could not be noted as a rest day in your journal ({error}).</source>
        <translation>テストの結果は保存していません。今日を休む日として記録に残すことができませんでした（{error}）。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="390"/>
        <source>Not today: rest your knee</source>
        <translation>今日はやめておき、膝を休ませましょう</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="414"/>
        <source>No sound output was found, so there are no beeps: watch the countdown on the screen.</source>
        <translation>音声の出力先が見つからないため、合図の音は鳴りません。画面のカウントダウンを見てください。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="447"/>
        <source>{n} seconds left</source>
        <translation>残り{n}⁠秒</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="459"/>
        <source>Go!</source>
        <translation>はじめ！</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="475"/>
        <source>Go</source>
        <translation>はじめ</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="477"/>
        <source>Stop</source>
        <translation>そこまで</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="487"/>
        <source>{n} stands</source>
        <translation>{n}⁠回</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="493"/>
        <source>You stopped because of a sharp pain. That was the right thing to do. The stop is noted in your journal; no test result was saved.</source>
        <translation>鋭い痛みで中止しました。正しい判断です。中止したことは記録に残しました。テストの結果は保存していません。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="496"/>
        <source>You stopped because of a sharp pain. That was the right thing to do. The stop could not be noted in your journal ({error}).</source>
        <translation>鋭い痛みで中止しました。正しい判断です。中止したことを記録に残せませんでした（{error}）。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="525"/>
        <source>Test stopped</source>
        <translation>テストを中止しました</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="582"/>
        <source>Carry on</source>
        <translation>続ける</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="498"/>
        <source>Do not repeat the test until you have talked to a clinician about the pain.</source>
        <translation>この痛みについて医師・理学療法士に相談するまでは、このテストを行わないようにしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="391"/>
        <source>Do not do the test while your knee is hot, red or swollen. Try it on another day, once the heat and swelling have settled.</source>
        <translation>膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりしているときは、テストを行わないようにしましょう。熱や腫れが引いてから、別の日に行いましょう。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="506"/>
        <source>You stopped because you felt unwell. That was the right thing to do. The stop is noted in your journal; no test result was saved.</source>
        <translation>具合が悪くなって中止しました。正しい判断です。中止したことは記録に残しました。テストの結果は保存していません。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="509"/>
        <source>You stopped because you felt unwell. That was the right thing to do. The stop could not be noted in your journal ({error}).</source>
        <translation>具合が悪くなって中止しました。正しい判断です。中止したことを記録に残せませんでした（{error}）。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="533"/>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="564"/>
        <source>Stop the test now? Nothing will be saved.</source>
        <translation>テストを中止しますか？何も記録されません。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="567"/>
        <source>Close without saving this result?</source>
        <translation>この結果を記録せずに閉じますか？</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="575"/>
        <location filename="../ui/chair_stand.py" line="581"/>
        <source>Leave the test</source>
        <translation>テストを終える</translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <location filename="../ui/checkin.py" line="39"/>
        <source>Before exercise</source>
        <translation>運動前</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="40"/>
        <source>After exercise</source>
        <translation>運動後</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="41"/>
        <source>Next morning</source>
        <translation>翌朝</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="42"/>
        <source>Check-in</source>
        <translation>日々の記録</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="46"/>
        <source>Left knee</source>
        <translation>左膝</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="46"/>
        <source>Right knee</source>
        <translation>右膝</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="47"/>
        <source>Both knees</source>
        <translation>両膝</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="144"/>
        <source>Yesterday you did “{routine}”.</source>
        <translation>昨日は「{routine}」を行いました。</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="145"/>
        <source>Is your knee back to its usual level? How much does it hurt this morning?</source>
        <translation>膝はふだんの程度に戻りましたか？今朝の痛みはどのくらいですか？</translation>
    </message>
</context>
<context>
    <name>Cues</name>
    <message>
        <location filename="../ui/cues.py" line="150"/>
        <location filename="../ui/cues.py" line="174"/>
        <source>No sound output was found, so this session runs silently.</source>
        <translation>音声の出力先が見つからないため、音なしで進めます。</translation>
    </message>
    <message>
        <location filename="../ui/cues.py" line="154"/>
        <location filename="../ui/cues.py" line="201"/>
        <location filename="../ui/cues.py" line="207"/>
        <source>Voice guidance is not available on this computer.</source>
        <translation>このコンピューターでは音声ガイドを使えません。</translation>
    </message>
    <message>
        <location filename="../ui/cues.py" line="215"/>
        <source>No voice for this language is installed, so voice guidance is off.</source>
        <translation>この言語の音声がインストールされていないため、音声ガイドはオフです。</translation>
    </message>
</context>
<context>
    <name>DailyLife</name>
    <message>
        <location filename="../ui/help.py" line="253"/>
        <source>Walking</source>
        <translation>歩き方</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="254"/>
        <source>Land on your heel, roll over the sole and push off from your toes.</source>
        <translation>かかとで着地し、足の裏を転がすように体重を移して、つま先で地面をけり出しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="256"/>
        <source>Keep your knees pointing the way you are going, not turned in or out.</source>
        <translation>膝は進む方向へまっすぐ向け、内側や外側に向かないようにしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="258"/>
        <source>Take steps of a moderate length: neither long strides nor very short steps.</source>
        <translation>歩幅はほどほどにしましょう。大またになりすぎず、小さくなりすぎないのが目安です。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="261"/>
        <source>Stairs</source>
        <translation>階段</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="262"/>
        <source>Hold the handrail whenever there is one.</source>
        <translation>手すりがあるときは、いつも手すりを持ちましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="263"/>
        <source>Going up, let your thigh muscles lift you; going down, let your knees and ankles soften each step.</source>
        <translation>階段を上るときは太ももの力で体を押し上げ、下りるときは膝と足首を少し曲げて衝撃をやわらげましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="266"/>
        <source>Shoes</source>
        <translation>靴</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="267"/>
        <source>Choose shoes with a cushioned sole that support the arch of your foot.</source>
        <translation>靴底にクッション性があり、土踏まずを支えてくれる靴を選びましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="269"/>
        <source>A low heel of about 2 to 3 cm is a good choice; very flat soles and high heels are best avoided.</source>
        <translation>かかとは2〜3cmほどの低めのものがおすすめです。底が平らすぎる靴や高いヒールは避けるようにしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="272"/>
        <source>Warmth and stretching</source>
        <translation>温めとストレッチ</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="273"/>
        <source>A warm bath loosens the muscles: just after it is a good time for the stretches.</source>
        <translation>お風呂で温まると筋肉がほぐれます。ストレッチは入浴後に行うのがおすすめです。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="275"/>
        <source>Not while the knee is hot or swollen: then rest it and cool it instead.</source>
        <translation>ただし、膝が熱をもっていたり腫れたりしているときは温めず、膝を休ませて冷やしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="278"/>
        <source>Sitting for a long time</source>
        <translation>長く座るとき</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="279"/>
        <source>At a desk or in front of the television, stand up once an hour: a few gentle knee bends and ankle circles are enough.</source>
        <translation>机に向かっているときもテレビを見ているときも、1時間に1回は立ち上がりましょう。膝の軽い曲げ伸ばしと足首回しを少しするだけで十分です。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="283"/>
        <source>Which routine to start with</source>
        <translation>どのルーティンから始めるか</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="284"/>
        <source>Pain on the inner side of the knee: “{first}” and “{second}”.</source>
        <translation>膝の内側の痛み：「{first}」と「{second}」</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="286"/>
        <source>Pain or tightness behind the knee: “{first}”.</source>
        <translation>膝の裏の痛みや張り：「{first}」</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="288"/>
        <source>Stiff knees after sitting for a long time: “{first}”.</source>
        <translation>長く座ったあとの膝のこわばり：「{first}」</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="291"/>
        <source>Stiff or tired feet and ankles: “{first}” and “{second}”.</source>
        <translation>足や足首のこわばり・疲れ：「{first}」と「{second}」</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="293"/>
        <source>These are suggestions of where to start, not a diagnosis. If you are not sure what suits you, ask your doctor or physiotherapist.</source>
        <translation>これはどこから始めるかの目安で、診断ではありません。どれが合うか分からないときは、医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="306"/>
        <source>Daily life</source>
        <translation>日常生活のコツ</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="307"/>
        <source>Small habits that spare your knees during the day.</source>
        <translation>膝への負担を減らす、ふだんの小さな習慣です。</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <location filename="../ui/widgets.py" line="307"/>
        <source>{m} min {s} s</source>
        <translation>{m}⁠分{s}⁠秒</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="309"/>
        <source>{m} min</source>
        <translation>{m}⁠分</translation>
    </message>
    <message>
        <location filename="../ui/widgets.py" line="310"/>
        <source>{s} s</source>
        <translation>{s}⁠秒</translation>
    </message>
</context>
<context>
    <name>Flash</name>
    <message>
        <location filename="../ui/flash.py" line="25"/>
        <source>Visual cue</source>
        <translation>画面での合図</translation>
    </message>
</context>
<context>
    <name>Function</name>
    <message>
        <location filename="../ui/function_view.py" line="46"/>
        <source>No function tests yet. The Tests menu has two: a 30-second chair stand test, and rating activities that are hard for you.</source>
        <translation>膝の機能のテストはまだありません。「テスト」メニューに、30秒椅子立ち上がりテストと、やりにくい動作の評価の2つがあります。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="63"/>
        <source>Chair stands in 30 seconds: {first} on {date}.</source>
        <translation>30秒椅子立ち上がりテスト：{date} に{first}⁠回。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="65"/>
        <source>Do the test again in a few weeks to see how it changes.</source>
        <translation>数週間後にもう一度行うと、変化がわかります。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="67"/>
        <source>Chair stands in 30 seconds: {first} on {first_date}, {latest} on {latest_date}.</source>
        <translation>30秒椅子立ち上がりテスト：{first_date} に{first}⁠回、{latest_date} に{latest}⁠回。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="73"/>
        <location filename="../ui/function_view.py" line="106"/>
        <source>The same as the first time.</source>
        <translation>初回と同じです。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="75"/>
        <source>Too soon after the first time to compare: practice alone changes the count. Results a week or more apart compare.</source>
        <translation>初回からの間隔が短すぎるため、比べられません（慣れだけでも回数は変わります）。1週間以上あけた結果どうしで比べます。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="79"/>
        <source>{n} more than the first time: a meaningful change.</source>
        <translation>初回より{n}⁠回多く、意味のある変化です。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="81"/>
        <source>{n} fewer than the first time: a meaningful change.</source>
        <translation>初回より{n}⁠回少なく、意味のある変化です。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="84"/>
        <source>{n} more than the first time: less than the {m} that make a meaningful change.</source>
        <translation>初回より{n}⁠回多くなっています（意味のある変化とされる{m}⁠回には届いていません）。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="86"/>
        <source>{n} fewer than the first time: less than the {m} that make a meaningful change.</source>
        <translation>初回より{n}⁠回少なくなっています（意味のある変化とされる{m}⁠回には届いていません）。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="94"/>
        <source>Activities that are hard (PSFS, 0 unable to 10 as before), average: {first:.1f} on {date}.</source>
        <translation>やりにくい動作の評価（PSFS、0：できない〜10：以前と同じ）の平均：{date} に{first:.1f}。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="97"/>
        <source>Rate the same activities again in a few weeks to compare.</source>
        <translation>数週間後に同じ動作をもう一度評価すると、比べられます。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="99"/>
        <source>Activities that are hard (PSFS, 0 unable to 10 as before), average: {first:.1f} on {first_date}, {latest:.1f} on {latest_date}.</source>
        <translation>やりにくい動作の評価（PSFS、0：できない〜10：以前と同じ）の平均：{first_date} に{first:.1f}、{latest_date} に{latest:.1f}。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="108"/>
        <source>{n:.1f} points higher: a meaningful change.</source>
        <translation>{n:.1f}⁠点高く、意味のある変化です。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="110"/>
        <source>{n:.1f} points lower: a meaningful change.</source>
        <translation>{n:.1f}⁠点低く、意味のある変化です。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="113"/>
        <source>{n:.1f} points higher: less than the {m:g} points that make a meaningful change.</source>
        <translation>{n:.1f}⁠点高くなっています（意味のある変化とされる{m:g}⁠点には届いていません）。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="115"/>
        <source>{n:.1f} points lower: less than the {m:g} points that make a meaningful change.</source>
        <translation>{n:.1f}⁠点低くなっています（意味のある変化とされる{m:g}⁠点には届いていません）。</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="123"/>
        <source>{activity}: {score} (rated once)</source>
        <translation>{activity}：{score}（評価は1回のみ）</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="125"/>
        <source>{activity}: {first} → {latest}</source>
        <translation>{activity}：{first} → {latest}</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="128"/>
        <source> (a meaningful change)</source>
        <translation>（意味のある変化）</translation>
    </message>
</context>
<context>
    <name>FunctionChart</name>
    <message>
        <location filename="../ui/function_view.py" line="175"/>
        <source>Chair stands in 30 s</source>
        <translation>30秒間の立ち上がり回数</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="176"/>
        <source>Chart of 30-second chair stand results over time</source>
        <translation>30秒椅子立ち上がりテストの結果の推移を示すグラフ</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="180"/>
        <source>PSFS average (0-10)</source>
        <translation>PSFSの平均（0〜10）</translation>
    </message>
    <message>
        <location filename="../ui/function_view.py" line="181"/>
        <source>Chart of the average of the activities that are hard (PSFS) over time, with each activity lighter</source>
        <translation>やりにくい動作の評価（PSFS）の平均の推移を示すグラフです。動作ごとの評価は薄い線で示します</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../ui/help.py" line="314"/>
        <source>This app does not replace advice from a clinician.</source>
        <translation>このアプリは、医師・理学療法士による助言の代わりにはなりません。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="323"/>
        <source>Welcome to Knee Coach</source>
        <translation>Knee Coach へようこそ</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="325"/>
        <source>Knee Coach guides you through gentle knee exercises and keeps a record of your pain so you can see how it changes. If you are not sure these exercises suit you, ask your doctor or physiotherapist first.

Some discomfort while exercising is normal and is not a sign of harm. Stop at once if you feel a sharp pain. Help &gt; Safety and when to get help lists when to get medical advice.</source>
        <translation>Knee Coach は、膝にやさしい運動を一つずつ案内し、痛みの記録をつけて変化を見られるようにするアプリです。これらの運動が自分に合うかどうか分からないときは、先に医師・理学療法士に相談してください。

運動中に多少痛んだり違和感があったりするのはよくあることで、膝を傷めているしるしではありません。鋭い痛みを感じたら、すぐに中止してください。受診の目安は［ヘルプ］＞［安全のために・受診の目安］にまとめてあります。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="333"/>
        <source>I understand</source>
        <translation>わかりました</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="341"/>
        <source>About Knee Coach</source>
        <translation>Knee Coach について</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="342"/>
        <source>Knee Coach {version}</source>
        <translation>Knee Coach {version}</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="343"/>
        <source>Guided knee exercises, with safety first and a pain trend you can share with your clinician.

{notice}</source>
        <translation>安全を第一に膝の運動を案内し、医師・理学療法士と共有できる痛みの推移を記録します。

{notice}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../ui/checkin.py" line="163"/>
        <source>Corrections</source>
        <translation>修正</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="170"/>
        <source>Correct your ratings</source>
        <translation>記録した痛みの修正</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="173"/>
        <source>Every rating, newest first. Choose one, then “Correct…” (or double-click it) to change its value or note, or “Delete” to remove it; a deletion can be undone.</source>
        <translation>これまでの記録が新しい順に並んでいます。一つ選んで「修正…」を押す（またはダブルクリックする）と痛みの評価やメモを直せます。「削除」で消すこともでき、削除は元に戻せます。</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="180"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="180"/>
        <source>Pain</source>
        <translation>痛み</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="181"/>
        <source>Context</source>
        <translation>場面</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="181"/>
        <source>Knee</source>
        <translation>膝</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="182"/>
        <location filename="../ui/checkin.py" line="243"/>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="190"/>
        <source>Correct…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="192"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="196"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="210"/>
        <source>Your ratings could not be read: {error}</source>
        <translation>痛みの評価を読み込めませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="234"/>
        <source>Correct a rating</source>
        <translation>評価を修正</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="242"/>
        <source>Note (optional)</source>
        <translation>メモ（任意）</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="265"/>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="277"/>
        <source>Could not delete: {error}</source>
        <translation>削除できませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="281"/>
        <source>Rating of {value} from {when} deleted.</source>
        <translation>{when} の評価（{value}）を削除しました。</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="284"/>
        <location filename="../ui/checkin.py" line="295"/>
        <location filename="../ui/checkin.py" line="303"/>
        <source>Undo</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="294"/>
        <source>Could not restore: {error}</source>
        <translation>元に戻せませんでした：{error}</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="302"/>
        <source>Rating restored. Undo again brings back the one deleted before it.</source>
        <translation>評価を元に戻しました。もう一度「元に戻す」を押すと、その前に削除した評価も戻ります。</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="306"/>
        <source>Rating restored.</source>
        <translation>評価を元に戻しました。</translation>
    </message>
</context>
<context>
    <name>Illustration</name>
    <message>
        <location filename="../ui/illustration.py" line="231"/>
        <source>Picture not shown</source>
        <translation>イラストは表示できません</translation>
    </message>
    <message>
        <location filename="../ui/illustration.py" line="231"/>
        <source>Follow the written steps.</source>
        <translation>文章の説明にしたがって行ってください。</translation>
    </message>
</context>
<context>
    <name>JournalStatus</name>
    <message>
        <location filename="../ui/journal_status.py" line="25"/>
        <source>Another program is using your journal ({path}), so nothing can be saved right now. Close that program, then start Knee Coach again.</source>
        <translation>ほかのプログラムが記録ファイル（{path}）を使用しているため、今は何も保存できません。そのプログラムを閉じてから、Knee Coach をもう一度起動してください。</translation>
    </message>
    <message>
        <location filename="../ui/journal_status.py" line="28"/>
        <source>The disk is full, so nothing can be saved to your journal ({path}). Nothing in it was changed. Free some space, then start Knee Coach again.</source>
        <translation>ディスクがいっぱいのため、記録ファイル（{path}）に保存できません。ファイルの中身は変更していません。空き容量を増やしてから、Knee Coach をもう一度起動してください。</translation>
    </message>
    <message>
        <location filename="../ui/journal_status.py" line="32"/>
        <source>Your journal ({path}) cannot be used right now: {reason}. Nothing in it was changed, and nothing can be saved until this is fixed.</source>
        <translation>記録ファイル（{path}）を今は使えません：{reason}。ファイルの中身は変更していません。問題が解決するまで、何も保存できません。</translation>
    </message>
    <message>
        <location filename="../ui/journal_status.py" line="35"/>
        <source>The file {path} is not a Knee Coach journal: it belongs to another program and was left untouched. Move or rename it, then start Knee Coach again; until then nothing can be saved.</source>
        <translation>{path} は Knee Coach の記録ファイルではなく、ほかのプログラムのファイルです。手を加えずにそのまま残しています。移動するか名前を変えてから、Knee Coach をもう一度起動してください。それまでは何も保存できません。</translation>
    </message>
    <message>
        <location filename="../ui/journal_status.py" line="49"/>
        <source>Part of your journal is damaged: some records cannot be read. Export it as CSV now: every record that can still be read is saved, and the export says what is missing.</source>
        <translation>記録ファイルの一部が壊れていて、読み込めない記録があります。今すぐ CSV に書き出してください。読み込める記録はすべて保存され、失われた記録も書き出しのときに示されます。</translation>
    </message>
    <message>
        <location filename="../ui/journal_status.py" line="53"/>
        <source>Export CSV…</source>
        <translation>CSV に書き出す…</translation>
    </message>
</context>
<context>
    <name>Levels</name>
    <message>
        <location filename="../ui/levels.py" line="30"/>
        <source>Level {n}</source>
        <translation>レベル{n}</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="31"/>
        <source>Level {n} of {count}, “{title}”</source>
        <translation>レベル⁠{n}（全{count}⁠レベル）「{title}」</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="39"/>
        <source>level {n}</source>
        <translation>レベル{n}</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="40"/>
        <source>level {n}, “{title}”</source>
        <translation>レベル{n}「{title}」</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="54"/>
        <source>This is your first session of this routine: see how your knee responds.</source>
        <translation>このルーティンは今回が初めてです。膝の反応を確かめながら行いましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="56"/>
        <source>It has been four weeks or more since you last did this routine: start one level lower and build up again.</source>
        <translation>このルーティンを前回行ってから4週間以上たっています。レベルを1つ下げて始め、少しずつ戻していきましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="59"/>
        <source>Last time you stopped because of a sharp pain. Talk to a clinician about it before you go on; if you do go on, an easier level is the kinder choice.</source>
        <translation>前回は鋭い痛みで中止しました。続ける前に、その痛みについて医師・理学療法士に相談しましょう。続ける場合は、やさしいレベルのほうが膝への負担を少なくできます。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="62"/>
        <source>Since your last session you stopped the chair stand test because of a sharp pain: not more for now, and talk to a clinician about the pain.</source>
        <translation>前回の運動のあと、鋭い痛みで椅子立ち上がりテストを中止しました。今はレベルを上げず、その痛みについて医師・理学療法士に相談してください。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="65"/>
        <source>Last time you stopped because you felt unwell: start again only when you feel well.</source>
        <translation>前回は具合が悪くなって中止しました。体調が戻ってから再開しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="68"/>
        <source>The morning after your last session, your knee was not back to its usual level.</source>
        <translation>前回の運動の翌朝、膝の痛みがふだんの程度に戻っていませんでした。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="77"/>
        <source>Your last session ended early.</source>
        <translation>前回の運動は途中で終わりました。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="78"/>
        <source>Your last session has no pain rating after it: rate it next time so the coach can judge.</source>
        <translation>前回の運動のあとの痛みが記録されていません。判断できるように、次回は運動のあとに痛みを記録しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="87"/>
        <source>Your sessions were green; answer the next-morning question first, so the coach knows your knee settled.</source>
        <translation>運動は問題のない範囲でした。膝が落ち着いたか確かめるため、先に翌朝の質問に答えましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="81"/>
        <source>Your sessions on the last three days you did this routine were green, and no next morning after them was worse than usual.</source>
        <translation>このルーティンを行った直近3日の運動はどれも問題のない範囲で、その翌朝にふだんより痛みが強かった日はありませんでした。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="47"/>
        <source>Right after your last session your pain was {value} of 10, which is too much for now.</source>
        <translation>前回の運動の直後、痛みは{value}／10でした。今の膝には負担が大きすぎたようです。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="50"/>
        <source>Right after your last session your pain was {value} of 10, which is acceptable: stay at this level and see how the next morning feels.</source>
        <translation>前回の運動の直後、痛みは{value}／10で、許容範囲でした。このレベルのまま続け、翌朝の具合を確かめましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="71"/>
        <source>Right after your last session your pain was above 5 of 10, which is too much for now.</source>
        <translation>前回の運動の直後、痛みが5／10を超えていました。今の膝には負担が大きすぎたようです。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="74"/>
        <source>Right after your last session your pain was 3 to 5 of 10, which is acceptable: stay at this level and see how the next morning feels.</source>
        <translation>前回の運動の直後、痛みは3〜5／10で、許容範囲でした。このレベルのまま続け、翌朝の具合を確かめましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="84"/>
        <source>A harder level is offered after green sessions on three days in a row of practice, with no next morning after them worse than usual.</source>
        <translation>問題のない範囲の運動が3日続き、その翌朝にふだんより痛みが強い日がなければ、1つ上のレベルをおすすめします。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="90"/>
        <source>You chose to stay at this level; more is offered again after green sessions on three more days.</source>
        <translation>このレベルを続けることを選びました。問題のない範囲の運動がさらに3日続いたら、あらためて上のレベルをおすすめします。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="93"/>
        <source>Your usual pain has gone up over the last week, so not more for now.</source>
        <translation>この1週間でふだんの痛みが強くなっているので、今は運動量を増やさないでおきましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="95"/>
        <source>You are at the hardest level of this routine.</source>
        <translation>このルーティンでいちばんきついレベルです。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="96"/>
        <source>You are at the easiest level already.</source>
        <translation>すでにいちばんやさしいレベルです。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="97"/>
        <source>You have already chosen an easier level.</source>
        <translation>すでにやさしいレベルを選んでいます。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="98"/>
        <source>This routine has one level.</source>
        <translation>このルーティンのレベルは1つだけです。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="99"/>
        <source>Your usual pain is clearly higher than in the week before: your knee seems to be having a flare-up. That is a reason to rest, not a failure, and it usually settles.</source>
        <translation>ふだんの痛みが、その前の1週間よりはっきり強くなっています。痛みがぶり返しているようです。休むきっかけであって、失敗ではありません。たいていは落ち着いていきます。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="103"/>
        <source>You said your knee was hot, red or swollen, or that you felt unwell. Rest until that has settled; cool the knee if it helps.</source>
        <translation>膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりしている、または具合が悪いと答えました。落ち着くまで休み、膝は冷やすと楽になることがあります。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="106"/>
        <source>Your knee has just settled after a flare-up: a few green sessions at this level first, before anything harder.</source>
        <translation>ぶり返した痛みが落ち着いたばかりです。上のレベルに進む前に、まずこのレベルで問題のない範囲の運動を何回か続けましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="109"/>
        <source>This has lasted a week or more: please see a clinician about it.</source>
        <translation>1週間以上続いています。医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="119"/>
        <source>Ready for a little more? You could try {level}.</source>
        <translation>もう少し増やしてみませんか？&#x3000;{level}を試せます。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="122"/>
        <source>Make it easier for now: {level}.</source>
        <translation>今はやさしいレベルにしましょう：{level}。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="124"/>
        <source>Rest for a few days, or do only {level}, and rate your pain each day.</source>
        <translation>数日は休むか、{level}だけにして、毎日痛みを記録しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="126"/>
        <source>Rest for a few days and rate your pain each day.</source>
        <translation>数日は休んで、毎日痛みを記録しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="128"/>
        <source>Rest today; next time, start at {level}.</source>
        <translation>今日は休みましょう。次回は{level}から始めましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="131"/>
        <source>Rest today.</source>
        <translation>今日は休みましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="132"/>
        <source>Stay at {level} for now.</source>
        <translation>今は{level}を続けましょう。</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="173"/>
        <source>Choose a level</source>
        <translation>レベルを選ぶ</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="175"/>
        <source>&amp;Level:</source>
        <translation>レベル(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="213"/>
        <source>This routine</source>
        <translation>このルーティン</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="231"/>
        <source>Try level {n}</source>
        <translation>レベル{n}を試す</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="232"/>
        <source>Go to level {n}</source>
        <translation>レベル{n}にする</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="234"/>
        <source>Stay at level {n}</source>
        <translation>レベル{n}のままにする</translation>
    </message>
    <message>
        <location filename="../ui/levels.py" line="240"/>
        <source>{n}. {title}</source>
        <translation>{n}. {title}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/main_window.py" line="112"/>
        <source>Knee Coach</source>
        <translation>Knee Coach</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="149"/>
        <location filename="../ui/routines_tab.py" line="42"/>
        <location filename="../ui/routines_tab.py" line="56"/>
        <source>Routines</source>
        <translation>ルーティン</translation>
    </message>
    <message>
        <location filename="../ui/trend_tab.py" line="35"/>
        <location filename="../ui/trend_view.py" line="116"/>
        <source>Loading the chart…</source>
        <translation>グラフを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="152"/>
        <source>Pain trend</source>
        <translation>痛みの推移</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="157"/>
        <source>How is your knee?</source>
        <translation>膝の調子はいかがですか？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="159"/>
        <source>How is your knee? Rate my pain now</source>
        <translation>膝の調子はいかがですか？ 今の痛みを記録</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="161"/>
        <source>Rate your knee pain from 0 to 10 and save it in your journal</source>
        <translation>膝の痛みを0から10で評価して、記録に残します</translation>
    </message>
    <message>
        <location filename="../ui/routines_tab.py" line="43"/>
        <source>Up and Down choose a routine, Return starts it</source>
        <translation>上下の矢印キーでルーティンを選び、Enter キーで始めます</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="217"/>
        <source>Details…</source>
        <translation>詳細…</translation>
    </message>
    <message>
        <location filename="../ui/routines_tab.py" line="63"/>
        <location filename="../ui/routines_tab.py" line="65"/>
        <source>Start routine</source>
        <translation>ルーティンを始める</translation>
    </message>
    <message>
        <location filename="../ui/routines_tab.py" line="66"/>
        <source>Start the selected routine</source>
        <translation>選んだルーティンを始める</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="135"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="40"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="43"/>
        <source>Rate my &amp;pain now…</source>
        <translation>今の痛みを記録(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="47"/>
        <source>&amp;Reload routines</source>
        <translation>ルーティンを再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="51"/>
        <source>Export weekly plan to &amp;calendar…</source>
        <translation>週の予定をカレンダーに書き出す(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="55"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="59"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="60"/>
        <source>T&amp;oday</source>
        <translation>今日(&amp;O)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="61"/>
        <source>&amp;Routines</source>
        <translation>ルーティン(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="62"/>
        <source>Pain &amp;trend</source>
        <translation>痛みの推移(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="68"/>
        <source>T&amp;ests</source>
        <translation>テスト(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="70"/>
        <source>30-second &amp;chair stand test…</source>
        <translation>30秒椅子立ち上がりテスト(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="73"/>
        <source>&amp;Activities that are hard (PSFS)…</source>
        <translation>やりにくい動作の評価（PSFS）(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="77"/>
        <source>&amp;Settings</source>
        <translation>設定(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="78"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="82"/>
        <location filename="../ui/main_menus.py" line="116"/>
        <source>System default</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="91"/>
        <source>Sound and &amp;voice…</source>
        <translation>効果音と音声(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="94"/>
        <source>Weekly &amp;plan and reminders…</source>
        <translation>週の予定とリマインダー(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="98"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="100"/>
        <source>&amp;Safety and when to get help</source>
        <translation>安全のために・受診の目安(&amp;S)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="103"/>
        <source>&amp;Daily life tips</source>
        <translation>日常生活のコツ(&amp;D)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="105"/>
        <source>&amp;About Knee Coach</source>
        <translation>Knee Coach について(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="187"/>
        <source>Your settings could not be read: {problem}. Knee Coach uses its defaults and cannot keep changes until it is moved away.</source>
        <translation>設定を読み込めませんでした（{problem}）。Knee Coachは初期設定で動いています。このファイルを移動するまで、設定の変更は保存されません。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="307"/>
        <source>{n} routine files could not be loaded: {names} and {more} more.</source>
        <translation>{n}⁠件のルーティンファイルを読み込めませんでした：{names} ほか{more}⁠件。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="311"/>
        <source>Some routines could not be loaded: {names}</source>
        <translation>読み込めなかったルーティンがあります：{names}</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="387"/>
        <source>No such level</source>
        <translation>そのレベルはありません</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="388"/>
        <source>“{routine}” has no level {level}: it has levels 1 to {count}. Choose one on the safety check.</source>
        <translation>「{routine}」にレベル{level}はありません。レベルは1〜{count}です。始める前の確認の画面で選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="392"/>
        <source>“{routine}” has one level only, so it starts as it is.</source>
        <translation>「{routine}」のレベルは1つだけなので、そのまま始めます。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="428"/>
        <source>Level not saved</source>
        <translation>レベルを保存できませんでした</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="429"/>
        <source>Could not save the level: {error}. Your level is unchanged; try again in a moment.</source>
        <translation>レベルを保存できませんでした（{error}）。レベルは変わっていません。少し待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="637"/>
        <source>Earlier, your journal could not be opened, so it was kept as {backup} and a new one was started. Nothing was deleted: the history before then is in that file.</source>
        <translation>以前、記録ファイルを開けなかったため、{backup} として残し、新しい記録ファイルを作りました。何も削除していません。それまでの記録はそのファイルに残っています。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="742"/>
        <source>Part of your last session is not in your journal yet: {error}. Nothing is lost: Knee Coach tries again every few seconds while it is open.</source>
        <translation>前回の運動の一部がまだ記録に保存されていません（{error}）。内容は失われていません。Knee Coachが開いている間、数秒ごとに保存を試みます。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="754"/>
        <source>Saved: your last session is all in your journal now.</source>
        <translation>保存しました。前回の運動の内容はすべて記録に残りました。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="772"/>
        <source>Not saved yet</source>
        <translation>まだ保存されていません</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="773"/>
        <source>Part of this session is not in your journal yet ({error}). If Knee Coach closes now, it is lost. Keep the window open a little longer and it is tried again every few seconds.</source>
        <translation>この運動の一部がまだ記録に保存されていません（{error}）。いまKnee Coachを閉じると失われます。ウィンドウをもう少し開いたままにしておくと、数秒ごとに保存を試みます。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="778"/>
        <source>Close anyway</source>
        <translation>それでも閉じる</translation>
    </message>
    <message>
        <location filename="../ui/window_reminders.py" line="58"/>
        <source>Keep reminders running?</source>
        <translation>リマインダーを続けますか？</translation>
    </message>
    <message>
        <location filename="../ui/window_reminders.py" line="59"/>
        <source>Knee Coach can stay running in the background so that it reminds you at the times of your weekly plan. You can change this in Settings &gt; Weekly plan and reminders.</source>
        <translation>Knee Coachをバックグラウンドで動かしておくと、週の予定の時刻にお知らせできます。この設定は「設定 &gt; 週の予定とリマインダー」で変えられます。</translation>
    </message>
    <message>
        <location filename="../ui/window_reminders.py" line="66"/>
        <source>Keep running</source>
        <translation>動かしておく</translation>
    </message>
    <message>
        <location filename="../ui/window_reminders.py" line="68"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../ui/window_actions.py" line="32"/>
        <source>No weekly plan yet</source>
        <translation>週の予定はまだありません</translation>
    </message>
    <message>
        <location filename="../ui/window_actions.py" line="33"/>
        <source>Make a weekly plan first (Settings &gt; Weekly plan and reminders); it can then be exported to your calendar.</source>
        <translation>先に週の予定を作ってください（「設定 &gt; 週の予定とリマインダー」）。作った予定はカレンダーに書き出せます。</translation>
    </message>
    <message>
        <location filename="../ui/window_actions.py" line="45"/>
        <source>Export the plan</source>
        <translation>予定の書き出し</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="159"/>
        <source>Text size</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="160"/>
        <source>The new text size is used the next time Knee Coach starts. Restart now?</source>
        <translation>新しい文字の大きさは次回の起動から使われます。今すぐ再起動しますか？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="375"/>
        <source>Routines reloaded.</source>
        <translation>ルーティンを読み込み直しました。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="399"/>
        <source>Routine not found</source>
        <translation>ルーティンが見つかりません</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="400"/>
        <source>There is no routine with the id “{id}”. Choose one from the list.</source>
        <translation>ID「{id}」のルーティンはありません。一覧から選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/routines_tab.py" line="185"/>
        <source>Routine files that could not be loaded</source>
        <translation>読み込めなかったルーティンファイル</translation>
    </message>
    <message>
        <location filename="../ui/routines_tab.py" line="188"/>
        <source>These files were skipped. The other routines work as usual. Fix each problem at the line shown, then choose File &gt; Reload routines.</source>
        <translation>これらのファイルは読み込まれませんでした。ほかのルーティンはいつもどおり使えます。表示された行の問題を直してから、［ファイル］＞［ルーティンを再読み込み］を選んでください。各問題の説明は英語で表示されます（よくある原因は括弧内に添えています）。</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="528"/>
        <source>How much does your knee hurt right now?</source>
        <translation>今、膝はどのくらい痛みますか？</translation>
    </message>
    <message>
        <location filename="../ui/main_window.py" line="531"/>
        <source>Saved: pain {value} of 10.</source>
        <translation>記録しました：痛み {value}／10</translation>
    </message>
    <message>
        <location filename="../ui/window_actions.py" line="25"/>
        <location filename="../ui/window_actions.py" line="49"/>
        <source>Saved {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="112"/>
        <source>&amp;Appearance</source>
        <translation>表示の色(&amp;A)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="117"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="118"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="125"/>
        <source>&amp;High contrast</source>
        <translation>ハイコントラスト(&amp;H)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="131"/>
        <source>&amp;Text size</source>
        <translation>文字の大きさ(&amp;T)</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="136"/>
        <source>{n} %</source>
        <translation>{n}%</translation>
    </message>
    <message>
        <location filename="../ui/journal_status.py" line="20"/>
        <source>Your journal could not be opened ({reason}). Nothing was deleted: the old file was kept as {backup}. A new, empty journal has been started.</source>
        <translation>記録ファイルを開けませんでした（{reason}）。削除したものはありません。元のファイルは {backup} として保管し、新しい空の記録を始めました。</translation>
    </message>
    <message>
        <location filename="../ui/journal_status.py" line="39"/>
        <source>Your pain ratings and sessions cannot be saved right now: {reason}. Folder: {folder}</source>
        <translation>現在、痛みの評価や運動の記録を保存できません：{reason}。フォルダー：{folder}</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="175"/>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../ui/main_menus.py" line="176"/>
        <source>The new language is used the next time Knee Coach starts. Restart now?</source>
        <translation>新しい言語は次回の起動から使われます。今すぐ再起動しますか？</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="96"/>
        <source>Your last session ({date}) stopped at step {step} because of a sharp pain. Talk to a clinician before you do “{routine}” again.</source>
        <translation>前回（{date}）はステップ{step}で鋭い痛みのため中止しました。「{routine}」を再開する前に、医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="100"/>
        <source>Your last session ({date}) stopped because of a sharp pain. Talk to a clinician before you do “{routine}” again.</source>
        <translation>前回（{date}）は鋭い痛みのため中止しました。「{routine}」を再開する前に、医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="104"/>
        <source>Your last session ({date}) stopped because you felt unwell. Exercise again only once you feel well; if it happens again, talk to a clinician.</source>
        <translation>前回（{date}）は具合が悪くなったため中止しました。運動は体調が戻ってから再開しましょう。同じことがまた起きたときは、医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="108"/>
        <source>On {date} you said your knee was hot, red or swollen, or that you felt unwell. If that is still so, rest today; if it does not settle, see a clinician.</source>
        <translation>{date}に、膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりしている、または具合が悪いと答えました。今も続いているなら今日は休み、おさまらないときは医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="113"/>
        <source>You have exercised today (“{routine}”). Rest now, and tomorrow morning note how your knee feels.</source>
        <translation>今日は運動済みです（「{routine}」）。ゆっくり休み、明日の朝に膝の調子を記録しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="119"/>
        <source>Yesterday: “{routine}”.</source>
        <translation>昨日は「{routine}」を行いました。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="120"/>
        <source>Yesterday: “{routine}”. {frequency}</source>
        <translation>昨日は「{routine}」を行いました。{frequency}</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="129"/>
        <source>This morning your pain was {value} of 10, back to its usual level after yesterday&apos;s “{routine}”: the exercise suited you. Carry on at the same level.</source>
        <translation>今朝の痛みは{value}／10で、昨日の「{routine}」のあと、ふだんの程度に戻っています。運動の強さは合っているようです。同じレベルで続けましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="134"/>
        <source>This morning your pain was {value} of 10 after yesterday&apos;s “{routine}”: a little above your usual level, and still in the safe range (0 to 2).</source>
        <translation>今朝の痛みは{value}／10で、昨日の「{routine}」のあと、ふだんより少し高めですが、問題のない範囲（0〜2）に収まっています。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="138"/>
        <source>{sentence} Carry on at the same level.</source>
        <translation>{sentence}同じレベルで続けましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="141"/>
        <source>This morning your pain was {value} of 10 after yesterday&apos;s “{routine}”: it has not settled to its usual level. Make the next session easier (fewer repetitions, shorter holds, a smaller movement) or rest for a day. If this keeps happening, talk to a clinician.</source>
        <translation>昨日の「{routine}」のあと、今朝の痛みは{value}／10で、ふだんの程度に戻っていません。次回は回数を減らす、保つ時間を短くする、動きを小さくするなどして軽めにするか、1日休みましょう。何度も続くときは医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="148"/>
        <source>This morning your pain was {value} of 10 after yesterday&apos;s “{routine}”. If that is your usual level, carry on at the same level; if it is higher, make the next session easier or rest for a day.</source>
        <translation>昨日の「{routine}」のあと、今朝の痛みは{value}／10でした。ふだんと同じ程度なら、同じレベルで続けましょう。ふだんより強いなら、次回は軽めにするか、1日休みましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="153"/>
        <source>Your last session was {n} days ago (“{routine}”). Whenever you are ready, pick up where you left off.</source>
        <translation>前回の運動は{n}⁠日前（「{routine}」）でした。準備ができたら、いつでも続きから始めましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="125"/>
        <source>This morning your pain was {value} of 10, back to its usual level after yesterday&apos;s “{routine}”.</source>
        <translation>今朝の痛みは{value}／10で、昨日の「{routine}」のあと、ふだんの程度に戻っています。</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../ui/widgets.py" line="286"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>PainRating</name>
    <message>
        <location filename="../ui/rating.py" line="88"/>
        <source>Pain from 0, no pain, to 10, worst pain imaginable</source>
        <translation>痛みの強さ（0＝痛みなし、10＝想像できる最悪の痛み）</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="90"/>
        <location filename="../ui/rating.py" line="168"/>
        <source>Type a number from 0 to 10, or use the Left and Right arrow keys; Return saves.</source>
        <translation>0から10の数字を入力するか、左右の矢印キーで選びます。Enter キーで保存します。</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="123"/>
        <source>0: no pain</source>
        <translation>0：痛みなし</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="124"/>
        <source>10: worst pain imaginable</source>
        <translation>10：想像できる最悪の痛み</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="152"/>
        <source>0, no pain</source>
        <translation>0、痛みなし</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="154"/>
        <source>10, worst pain imaginable</source>
        <translation>10、想像できる最悪の痛み</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="54"/>
        <source>safe</source>
        <translation>問題なし</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="55"/>
        <source>acceptable</source>
        <translation>許容範囲</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="56"/>
        <source>too much</source>
        <translation>痛みが強すぎる</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="158"/>
        <source>0, no pain, {zone}</source>
        <translation>0、痛みなし、{zone}</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="160"/>
        <source>10, worst pain imaginable, {zone}</source>
        <translation>10、想像できる最悪の痛み、{zone}</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="161"/>
        <source>{value}, {zone}</source>
        <translation>{value}、{zone}</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="165"/>
        <source>Chosen: {name}</source>
        <translation>選択中：{name}</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../ui/plan_dialog.py" line="260"/>
        <source>Weekly plan and reminders</source>
        <translation>週の予定とリマインダー</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="269"/>
        <source>The saved plan could not be read ({reason}). Saving keeps the old file beside the new one as {name}.</source>
        <translation>保存されている予定を読み込めませんでした（{reason}）。保存すると、古いファイルは {name} という名前で残ります。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="271"/>
        <source>The saved plan could not be read ({reason}); it may be sound, so saving here changes nothing until the file can be read again.</source>
        <translation>保存されている予定を読み込めませんでした（{reason}）。ファイル自体は壊れていないかもしれないため、読み込めるようになるまで、ここで保存しても予定は変わりません。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="281"/>
        <source>Routines, days and times</source>
        <translation>ルーティン・曜日・時刻</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="283"/>
        <source>Tick the routines you want to do, then choose their days and time. Missing a day costs nothing.</source>
        <translation>行いたいルーティンにチェックを入れ、曜日と時刻を選んでください。できない日があっても大丈夫です。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="296"/>
        <source>No routines were found.</source>
        <translation>ルーティンが見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="302"/>
        <source>Also in the plan, kept as they are (not among the routines here): {ids}</source>
        <translation>ここにないルーティンも予定に入っています（そのまま残します）：{ids}</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="315"/>
        <source>Weekly plan</source>
        <translation>週の予定</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="327"/>
        <source>Dialog buttons</source>
        <translation>ダイアログのボタン</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="328"/>
        <source>Export to calendar…</source>
        <translation>カレンダーに書き出す…</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="329"/>
        <source>Export to calendar</source>
        <translation>カレンダーに書き出す</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="331"/>
        <source>Write the plan as a calendar file (.ics), so that a phone reminds you too</source>
        <translation>予定をカレンダーファイル（.ics）に書き出して、スマートフォンにもリマインダーが届くようにします</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="363"/>
        <source>Hours</source>
        <translation>時間帯</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="365"/>
        <source>Active hours</source>
        <translation>活動時間</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="367"/>
        <source>Active hours start</source>
        <translation>活動時間の開始</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="369"/>
        <source>Active hours end</source>
        <translation>活動時間の終了</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="372"/>
        <location filename="../ui/plan_dialog.py" line="373"/>
        <source>Quiet hours</source>
        <translation>通知しない時間</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="376"/>
        <source>Quiet hours start</source>
        <translation>通知しない時間の開始</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="377"/>
        <source>Quiet hours end</source>
        <translation>通知しない時間の終了</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="385"/>
        <location filename="../ui/plan_dialog.py" line="386"/>
        <source>to</source>
        <translation>〜</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="393"/>
        <location filename="../ui/plan_dialog.py" line="488"/>
        <source>Active hours must end after they start.</source>
        <translation>活動時間の終了は、開始より後の時刻にしてください。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="400"/>
        <source>Hourly reminders, such as the desk break, come only during active hours. In quiet hours nothing is reminded; they may span midnight.</source>
        <translation>デスク休憩のような1時間ごとのリマインダーは、活動時間中だけ届きます。通知しない時間には何も通知しません（日付をまたいでもかまいません）。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="411"/>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="412"/>
        <source>Reminders on</source>
        <translation>リマインダーをオンにする</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="416"/>
        <source>Keep running in the background when the window is closed</source>
        <translation>ウィンドウを閉じてもバックグラウンドで動作を続ける</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="419"/>
        <source>Start Knee Coach when I log in</source>
        <translation>ログイン時に Knee Coach を起動する</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="482"/>
        <source>Pick at least one day for each ticked routine, or untick it.</source>
        <translation>チェックを入れたルーティンごとに曜日を1つ以上選ぶか、チェックを外してください。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="509"/>
        <source>“{routine}” at {time} is in the quiet hours, so no reminder would come: change its time or the quiet hours.</source>
        <translation>「{routine}」の{time}は通知しない時間にあたるため、リマインダーが届きません。時刻か通知しない時間を変えてください。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="536"/>
        <source>Start at login could not be changed: {reason}</source>
        <translation>ログイン時の起動を変更できませんでした：{reason}</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="550"/>
        <source>Nothing to export yet: tick a routine first.</source>
        <translation>書き出す予定がまだありません。先にルーティンにチェックを入れてください。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="583"/>
        <source>Export the plan to a calendar file</source>
        <translation>予定をカレンダーファイルに書き出す</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="585"/>
        <source>Calendar files (*.ics)</source>
        <translation>カレンダーファイル (*.ics)</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="596"/>
        <source>The calendar file could not be written to {path}: {reason}</source>
        <translation>カレンダーファイルを {path} に書き込めませんでした：{reason}</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="558"/>
        <source>Saved {path}. Open it with your calendar app to get the reminders on your phone too.</source>
        <translation>{path} に保存しました。カレンダーアプリで開くと、スマートフォンでもリマインダーを受け取れます。</translation>
    </message>
</context>
<context>
    <name>PlanRow</name>
    <message>
        <location filename="../ui/plan_dialog.py" line="103"/>
        <location filename="../ui/plan_dialog.py" line="104"/>
        <source>In my plan</source>
        <translation>予定に入れる</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="108"/>
        <source>Takes {duration}</source>
        <translation>所要時間：{duration}</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="128"/>
        <source>{routine} on {day}</source>
        <translation>{day}の{routine}</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="138"/>
        <location filename="../ui/plan_dialog.py" line="139"/>
        <source>at</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="141"/>
        <source>Time for {routine}</source>
        <translation>{routine}の時刻</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="153"/>
        <source>Pick at least one day, or untick this routine.</source>
        <translation>曜日を1つ以上選ぶか、このルーティンのチェックを外してください。</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="174"/>
        <location filename="../ui/plan_dialog.py" line="208"/>
        <source>every hour during active hours</source>
        <translation>活動時間中は1時間ごと</translation>
    </message>
    <message>
        <location filename="../ui/plan_dialog.py" line="210"/>
        <source>every {minutes} minutes during active hours</source>
        <translation>活動時間中は{minutes}⁠分ごと</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../ui/player_words.py" line="17"/>
        <source>Right side</source>
        <translation>右側</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="18"/>
        <source>Left side</source>
        <translation>左側</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="48"/>
        <source>Hold</source>
        <translation>保って</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="51"/>
        <source>Release</source>
        <translation>ゆるめて</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="53"/>
        <source>Switch sides</source>
        <translation>反対側に替えて</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="75"/>
        <source>Switch to the left side</source>
        <translation>左側に替えて</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="76"/>
        <source>Switch to the right side</source>
        <translation>右側に替えて</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="409"/>
        <location filename="../ui/player_words.py" line="54"/>
        <source>Get ready</source>
        <translation>準備</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="55"/>
        <source>Keep going</source>
        <translation>そのまま続けて</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="56"/>
        <source>Rest</source>
        <translation>休憩</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="62"/>
        <source>Well done. That is the end of the routine.</source>
        <translation>お疲れさまでした。ルーティンはこれで終わりです。</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="70"/>
        <source>{title}. {side}.</source>
        <translation>{title}。{side}。</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="73"/>
        <source>Start.</source>
        <translation>始めましょう。</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="78"/>
        <source>{phase}, left leg.</source>
        <translation>{phase}、左脚。</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="79"/>
        <source>{phase}, right leg.</source>
        <translation>{phase}、右脚。</translation>
    </message>
</context>
<context>
    <name>PlayerView</name>
    <message>
        <location filename="../ui/player.py" line="174"/>
        <source>Seconds left in this phase</source>
        <translation>この段階の残り秒数</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="175"/>
        <source>The big countdown</source>
        <translation>大きなカウントダウン</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="192"/>
        <source>Time left in this phase</source>
        <translation>この段階の残り時間</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="199"/>
        <source>Current step</source>
        <translation>今のステップ</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="200"/>
        <source>What to do now</source>
        <translation>今すること</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="201"/>
        <source>Which side</source>
        <translation>左右どちら側か</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="116"/>
        <source>◀ Previous</source>
        <translation>◀ 前へ</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="117"/>
        <source>Previous step (←)</source>
        <translation>前のステップ（←）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="118"/>
        <source>Previous step</source>
        <translation>前のステップ</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="411"/>
        <location filename="../ui/player_controls.py" line="119"/>
        <source>Pause</source>
        <translation>一時停止</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="120"/>
        <source>Pause or resume (Space)</source>
        <translation>一時停止／再開（スペース）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="121"/>
        <source>Next ▶</source>
        <translation>次へ ▶</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="122"/>
        <source>Next step (→)</source>
        <translation>次のステップ（→）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="123"/>
        <source>Next step</source>
        <translation>次のステップ</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="124"/>
        <source>Restart step</source>
        <translation>このステップをやり直す</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="126"/>
        <source>Restart this step (R)</source>
        <translation>このステップを最初から（R）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="127"/>
        <source>End session</source>
        <translation>終了する</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="128"/>
        <source>End the session (Esc)</source>
        <translation>運動を終える（Esc）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="133"/>
        <source>Dizzy, sudden swelling or feeling ill: stops the session at once ({key})</source>
        <translation>めまいがする、急に腫れた、具合が悪いとき：すぐに運動を中止します（{key}）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="135"/>
        <source>Full screen</source>
        <translation>全画面</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="137"/>
        <source>Focus mode: full screen with only what you need on the mat (F11; Esc leaves it)</source>
        <translation>集中モード：運動に必要なものだけを全画面で表示します（F11。Escで戻ります）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="155"/>
        <source>Keys: Space pause · ← → previous / next step · R restart step · Esc end · {key} sharp pain · {unwell} unwell</source>
        <translation>キー操作：スペース＝一時停止&#x3000;←→＝前／次のステップ&#x3000;R＝やり直し&#x3000;Esc＝終了&#x3000;{key}＝鋭い痛みで中止&#x3000;{unwell}＝具合が悪いときに中止</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="207"/>
        <location filename="../ui/help.py" line="222"/>
        <location filename="../ui/player_controls.py" line="63"/>
        <source>Sharp pain – stop</source>
        <translation>鋭い痛みで中止</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="208"/>
        <location filename="../ui/help.py" line="224"/>
        <location filename="../ui/player_controls.py" line="69"/>
        <location filename="../ui/session_flow.py" line="485"/>
        <source>I feel unwell</source>
        <translation>具合が悪い</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="130"/>
        <source>Stops the session at once ({key})</source>
        <translation>すぐに運動を中止します（{key}）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="166"/>
        <source>Sound</source>
        <translation>効果音</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="166"/>
        <source>Sound: on</source>
        <translation>効果音：オン</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="167"/>
        <source>Sound: off</source>
        <translation>効果音：オフ</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="168"/>
        <source>Beeps on the last seconds and at each change (M)</source>
        <translation>残り数秒と切り替わりで音を鳴らします（M）</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="170"/>
        <source>Voice</source>
        <translation>音声</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="170"/>
        <source>Voice: on</source>
        <translation>音声：オン</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="171"/>
        <source>Voice: off</source>
        <translation>音声：オフ</translation>
    </message>
    <message>
        <location filename="../ui/player_controls.py" line="172"/>
        <source>Spoken guidance (V)</source>
        <translation>音声ガイド（V）</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="166"/>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="81"/>
        <source>Exercise player</source>
        <translation>運動のガイド画面</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="83"/>
        <source>Keys: Space pause, Left and Right previous and next step, R restart step, Escape end, {key} sharp pain, {unwell} unwell</source>
        <translation>キー操作：スペースキーで一時停止、左右の矢印キーで前後のステップ、R でステップをやり直し、Esc で終了、{key} で鋭い痛み、{unwell} で具合が悪いとき</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="36"/>
        <source>Repetition {n} of {total}</source>
        <translation>{n}⁠回目／{total}⁠回</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="39"/>
        <source>Repetition {n} of {total}, right leg</source>
        <translation>右脚で{n}⁠回目／{total}⁠回</translation>
    </message>
    <message>
        <location filename="../ui/player_words.py" line="40"/>
        <source>Repetition {n} of {total}, left leg</source>
        <translation>左脚で{n}⁠回目／{total}⁠回</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="386"/>
        <source>Set {n} of {total}</source>
        <translation>{n}⁠セット目／{total}⁠セット</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="358"/>
        <location filename="../ui/player_fit.py" line="276"/>
        <source>{time} left</source>
        <translation>残り {time}</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="219"/>
        <source>Read all (I)</source>
        <translation>全文を読む（I）</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="221"/>
        <source>Read all the instructions</source>
        <translation>手順を全文で読む</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="222"/>
        <source>The step&apos;s instructions in full; the session pauses meanwhile (I)</source>
        <translation>このステップの手順を全文で表示します。表示中は一時停止します（I）</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="411"/>
        <source>Resume</source>
        <translation>再開</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="419"/>
        <source>{phase}, {side}</source>
        <translation>{phase}、{side}</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="421"/>
        <source>{n} seconds left in {where}</source>
        <translation>{where}：この段階の残り{n}⁠秒</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="425"/>
        <source>{step}: {where}</source>
        <translation>{step}：{where}</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="435"/>
        <source>Step {n} of {total}</source>
        <translation>ステップ {n}／{total}</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="445"/>
        <source>Next: {title}</source>
        <translation>次：{title}</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="447"/>
        <source>Next: the end of the routine</source>
        <translation>次：ルーティン終了</translation>
    </message>
    <message>
        <location filename="../ui/player.py" line="510"/>
        <source>How to do “{step}”</source>
        <translation>「{step}」のやり方</translation>
    </message>
</context>
<context>
    <name>PsfsDialog</name>
    <message>
        <location filename="../ui/psfs.py" line="47"/>
        <location filename="../ui/psfs.py" line="59"/>
        <source>Activities that are hard (PSFS)</source>
        <translation>やりにくい動作の評価（PSFS）</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="62"/>
        <source>Name up to five activities that your knee makes hard, in your own words, for example “climbing the stairs to the first floor”. Then rate how well you can do each one now: 0 means you cannot do it at all, 10 means as well as before the problem.</source>
        <translation>膝のせいで難しくなっている動作を、ご自分の言葉で5つまで書いてください（例：「2階まで階段を上る」）。次に、それぞれの動作が今どのくらいできるかを評価します。0はまったくできない、10は膝の問題が起きる前と同じようにできる、という意味です。</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="68"/>
        <source>Your activities from {date} are filled in: rate each one again for today. If you change the words, it counts as a new activity.</source>
        <translation>{date} に書いた動作が入っています。今日の状態で、それぞれをもう一度評価してください。言葉を変えると、新しい動作として扱います。</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="72"/>
        <source>Only rows with both an activity and a rating are saved.</source>
        <translation>動作と評価の両方がある行だけが記録されます。</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="75"/>
        <source>Activity, in your own words</source>
        <translation>動作（ご自分の言葉で）</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="76"/>
        <source>How well now?
0 unable · 10 as before</source>
        <translation>今どのくらいできますか？
0：できない・10：以前と同じ</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="79"/>
        <source>Last time</source>
        <translation>前回</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="90"/>
        <source>Activity {n}</source>
        <translation>動作{n}</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="92"/>
        <source>e.g. climbing the stairs to the first floor</source>
        <translation>例：2階まで階段を上る</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="104"/>
        <source>How well you can do activity {n} now, from 0, unable, to 10, as well as before the problem</source>
        <translation>動作{n}が今どのくらいできるか。0はできない、10は膝の問題が起きる前と同じ</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="127"/>
        <source>Save</source>
        <translation>記録する</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="140"/>
        <source>{score} of 10</source>
        <translation>{score}／10</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="141"/>
        <source>new activity</source>
        <translation>新しい動作</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="173"/>
        <source>Name at least one activity and rate it from 0 to 10 before saving.</source>
        <translation>記録する前に、動作を1つ以上書いて、0〜10で評価してください。</translation>
    </message>
    <message>
        <location filename="../ui/psfs.py" line="179"/>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../ui/app.py" line="61"/>
        <source>&amp;Look in:</source>
        <translation>場所(&amp;L):</translation>
    </message>
    <message>
        <location filename="../ui/app.py" line="62"/>
        <source>Files of &amp;type:</source>
        <translation>ファイルの種類(&amp;T):</translation>
    </message>
</context>
<context>
    <name>RatingDialog</name>
    <message>
        <location filename="../ui/checkin.py" line="64"/>
        <source>Rate your knee pain</source>
        <translation>膝の痛みを記録</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="76"/>
        <source>Which knee?</source>
        <translation>どちらの膝ですか？</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="78"/>
        <source>Not specified</source>
        <translation>指定しない</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="78"/>
        <source>Left</source>
        <translation>左</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="79"/>
        <source>Right</source>
        <translation>右</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="79"/>
        <source>Both</source>
        <translation>両方</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="89"/>
        <source>Note (optional): what you did, how it felt</source>
        <translation>メモ（任意）：したこと、感じたこと</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="101"/>
        <source>Save</source>
        <translation>記録する</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="122"/>
        <source>Choose a number from 0 to 10 first.</source>
        <translation>先に0から10の数字を選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="131"/>
        <source>Could not save: {error}</source>
        <translation>保存できませんでした：{error}</translation>
    </message>
</context>
<context>
    <name>RatingPanel</name>
    <message>
        <location filename="../ui/rating.py" line="251"/>
        <source>Go on without a rating</source>
        <translation>痛みを記録せずに進みます</translation>
    </message>
    <message>
        <location filename="../ui/rating.py" line="259"/>
        <source>Save the chosen number</source>
        <translation>選んだ数字を保存します</translation>
    </message>
</context>
<context>
    <name>Reminder</name>
    <message>
        <location filename="../ui/reminders.py" line="347"/>
        <source>“{title}”</source>
        <translation>「{title}」</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="360"/>
        <source>How is your knee today?</source>
        <translation>今日の膝の調子はいかがですか？</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="361"/>
        <source>Today is a day to rest your knee. When you have a moment, rate your pain: it helps decide what comes next.</source>
        <translation>今日は膝を休ませる日です。時間のあるときに痛みを記録しましょう。次にどうするかを決める手がかりになります。</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="365"/>
        <source>While you were away</source>
        <translation>お知らせ</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="367"/>
        <source>While the computer was asleep or Knee Coach was closed, a reminder passed.</source>
        <translation>コンピューターがスリープ中か Knee Coach が閉じていた間に、リマインダーの時刻が過ぎました。</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="370"/>
        <source>While the computer was asleep or Knee Coach was closed, the reminder for {names} passed. There is no catching up to do: start it now if you like, or at the next planned time.</source>
        <translation>コンピューターがスリープ中か Knee Coach が閉じていた間に、{names}のリマインダーの時刻が過ぎました。取り戻す必要はありません。よければ今から始めても、次の予定の時刻に行ってもかまいません。</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="375"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="376"/>
        <source>While the computer was asleep or Knee Coach was closed, the reminders for {names} passed. There is no catching up to do.</source>
        <translation>コンピューターがスリープ中か Knee Coach が閉じていた間に、{names}のリマインダーの時刻が過ぎました。取り戻す必要はありません。</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="383"/>
        <source>Time for a short break</source>
        <translation>ひと休みの時間です</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="384"/>
        <source>Time to stand up and move for two minutes: {title}.</source>
        <translation>立ち上がって2分ほど体を動かしましょう：{title}</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="387"/>
        <location filename="../ui/reminders.py" line="391"/>
        <source>Time for your routine</source>
        <translation>ルーティンの時間です</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="388"/>
        <source>{title} ({duration}) is planned for now. Start whenever you are ready, or choose a later time.</source>
        <translation>{title}（{duration}）の予定の時刻です。準備ができたら始めましょう。あとにすることもできます。</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="392"/>
        <source>{title} is planned for now.</source>
        <translation>{title}の予定の時刻です。</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="420"/>
        <source>Knee Coach reminder</source>
        <translation>Knee Coach のリマインダー</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="443"/>
        <source>Start now</source>
        <translation>今すぐ始める</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="445"/>
        <source>Rate my pain</source>
        <translation>痛みを記録する</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="447"/>
        <source>Open Knee Coach</source>
        <translation>Knee Coach を開く</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="449"/>
        <source>Snooze 10 min</source>
        <translation>10分後にもう一度</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="451"/>
        <source>Snooze 1 hour</source>
        <translation>1時間後にもう一度</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="453"/>
        <source>Not today</source>
        <translation>今日はやめておく</translation>
    </message>
    <message>
        <location filename="../ui/reminders.py" line="455"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../ui/report.py" line="100"/>
        <location filename="../ui/report.py" line="137"/>
        <source>Knee pain report</source>
        <translation>膝の痛みのレポート</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="162"/>
        <source>Summary</source>
        <translation>まとめ</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="185"/>
        <source>Sessions per week, last 8 weeks (oldest first): {weeks}</source>
        <translation>週ごとの運動回数（直近8週、古い順）：{weeks}</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="65"/>
        <source>sharp pain</source>
        <translation>鋭い痛み</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="66"/>
        <source>felt unwell</source>
        <translation>具合が悪くなった</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="69"/>
        <source>, step {n}</source>
        <translation>、ステップ {n}</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="72"/>
        <source>step {n}</source>
        <translation>ステップ {n}</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="73"/>
        <location filename="../ui/report.py" line="209"/>
        <source> · </source>
        <translation>・</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="138"/>
        <source>1 rating</source>
        <translation>評価 1件</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="139"/>
        <source>{n} ratings</source>
        <translation>評価 {n}⁠件</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="140"/>
        <source>1 session</source>
        <translation>運動 1回</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="141"/>
        <source>{n} sessions</source>
        <translation>運動 {n}⁠回</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="142"/>
        <source>Period: {start} to {end} · {ratings} · {sessions}</source>
        <translation>期間：{start}〜{end}・{ratings}・{sessions}</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="170"/>
        <source>Function (self-tests)</source>
        <translation>膝の機能（セルフテスト）</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="191"/>
        <source>{title}: the latest {shown} of {total}</source>
        <translation>{title}：最新の{shown}⁠件（全{total}⁠件）</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="196"/>
        <source>Safety stops (sharp pain, felt unwell)</source>
        <translation>安全のための中止（鋭い痛み・具合の悪さ）</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="203"/>
        <location filename="../ui/report.py" line="233"/>
        <source>None.</source>
        <translation>なし</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="206"/>
        <source>Level changes</source>
        <translation>レベルの変更</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="218"/>
        <source>{day}, {context} ({value}/10): {note}</source>
        <translation>{day}、{context}（{value}／10）：{note}</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="223"/>
        <location filename="../ui/report.py" line="229"/>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="235"/>
        <source>Self-rated pain, 0 = no pain, 10 = worst pain imaginable. Made with Knee Coach, a self-care aid: it does not replace advice from a clinician.</source>
        <translation>痛みは本人による評価です（0＝痛みなし、10＝想像できる最悪の痛み）。セルフケア支援アプリ Knee Coach で作成しました。医師・理学療法士による助言の代わりにはなりません。</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="256"/>
        <location filename="../ui/report.py" line="262"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="256"/>
        <source>Nothing was saved: your journal could not be read (the note at the top of the window says why), so the file would be empty.</source>
        <translation>保存していません。記録ファイルを読み込めなかったため（理由はウィンドウ上部のお知らせをご覧ください）、空のファイルになってしまいます。</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="262"/>
        <source>Open the pain trend first: the chart is saved as it is shown there.</source>
        <translation>先に［痛みの推移］を開いてください。グラフはそこに表示されているとおりに保存されます。</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="267"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 画像 (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="268"/>
        <source>CSV file (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="269"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文書 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="275"/>
        <source>Save as</source>
        <translation>名前を付けて保存</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="295"/>
        <source>Check that the folder exists and that you can write to it.</source>
        <translation>フォルダーがあるか、そこに書き込めるかを確認してください。</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="304"/>
        <source>Part of the journal is missing</source>
        <translation>記録の一部が欠けています</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="305"/>
        <source>“{file}” was saved with the {n} records that could be read. These could not be read:
{missing}</source>
        <translation>読み込めた{n}⁠件の記録を「{file}」に保存しました。次の記録は読み込めませんでした：
{missing}</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="311"/>
        <source>Could not save</source>
        <translation>保存できませんでした</translation>
    </message>
    <message>
        <location filename="../ui/report.py" line="311"/>
        <source>“{file}” could not be saved in {folder}.
{reason}</source>
        <translation>「{file}」を {folder} に保存できませんでした。
{reason}</translation>
    </message>
</context>
<context>
    <name>RoutineDetails</name>
    <message>
        <location filename="../ui/routine_view.py" line="34"/>
        <source>right side, then left side</source>
        <translation>右側→左側</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="35"/>
        <source>left side</source>
        <translation>左側</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="36"/>
        <source>right side</source>
        <translation>右側</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="37"/>
        <source>legs take turns</source>
        <translation>左右交互</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="56"/>
        <source>Routine details</source>
        <translation>ルーティンの詳細</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="57"/>
        <source>The chosen routine: steps, time and safety notes</source>
        <translation>選んだルーティンのステップ、時間、安全のための注意</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="83"/>
        <source>Neither</source>
        <translation>どちらでもない</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="83"/>
        <source>Left</source>
        <translation>左脚</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="84"/>
        <source>Right</source>
        <translation>右脚</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="89"/>
        <source>Extra work for a &amp;weaker leg:</source>
        <translation>弱い側の脚に追加(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="122"/>
        <source>Choose a routine on the left.</source>
        <translation>左の一覧からルーティンを選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="130"/>
        <source>{length}, with {extra} for your weaker leg</source>
        <translation>{length}（うち弱い側の脚の追加分 {extra}）</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="133"/>
        <source>1 step</source>
        <translation>1ステップ</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="133"/>
        <source>{n} steps</source>
        <translation>{n}⁠ステップ</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="143"/>
        <source>If one leg is clearly weaker, it does a few more repetitions on its own after the steps that offer it</source>
        <translation>片方の脚が明らかに弱いときは、追加できるステップのあとに、その脚だけで数回多く行います</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="147"/>
        <source>How often</source>
        <translation>頻度の目安</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="152"/>
        <source>Before you start</source>
        <translation>始める前に</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="156"/>
        <source>You will need</source>
        <translation>用意するもの</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="159"/>
        <source>Steps</source>
        <translation>ステップ</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="163"/>
        <source>{title}  ({details})</source>
        <translation>{title}（{details}）</translation>
    </message>
    <message>
        <location filename="../ui/routine_view.py" line="164"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <location filename="../ui/help.py" line="33"/>
        <source>Get medical advice the same day if</source>
        <translation>次のようなときは、その日のうちに医療機関を受診しましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="39"/>
        <source>the knee is red and hot and you have a fever or chills, or feel ill</source>
        <translation>膝が赤く熱をもっていて、発熱や寒気がある、または具合が悪い</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="42"/>
        <source>you cannot put weight on the leg, or walking has become very hard</source>
        <translation>脚に体重をかけられない、または歩くのがとても難しくなった</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="44"/>
        <source>the knee is badly swollen, has changed shape, or will not straighten</source>
        <translation>膝がひどく腫れている、形が変わった、または伸ばしきれない</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="46"/>
        <source>the knee locks or gives way</source>
        <translation>膝が引っかかって動かなくなる、またはガクッと力が抜ける</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="47"/>
        <source>the pain is constant, wakes you at night, or comes with weight loss</source>
        <translation>痛みが一日中続く、夜中に痛みで目が覚める、または体重が減ってきている</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="61"/>
        <source>If one calf or thigh is painful, swollen, warm or red</source>
        <translation>片方のふくらはぎや太ももが痛む、腫れている、熱をもっている、または赤くなっているとき</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="62"/>
        <source>get urgent medical help the same day: do not wait for your next appointment</source>
        <translation>次の予約日を待たずに、その日のうちに急いで医療機関を受診しましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="64"/>
        <source>call emergency services if it comes with breathlessness or chest pain</source>
        <translation>息苦しさや胸の痛みもあるときは、すぐに救急車（119番）を呼びましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="128"/>
        <source>What to do now</source>
        <translation>今すること</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="129"/>
        <source>Stop exercising for today and rest the knee.</source>
        <translation>今日の運動はここまでにして、膝を休めましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="130"/>
        <source>A cold pack wrapped in a towel, about 15 minutes, may ease it.</source>
        <translation>タオルで包んだ保冷剤で15分ほど冷やすと、楽になることがあります。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="137"/>
        <source>What helps</source>
        <translation>楽にするために</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="138"/>
        <source>Rest the knee and keep it raised when you sit.</source>
        <translation>膝を休ませ、座るときは脚を少し高くしておきましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="139"/>
        <source>Cool it: a cold pack wrapped in a towel, about 15 minutes at a time.</source>
        <translation>タオルで包んだ保冷剤などで、1回15分ほど冷やしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="146"/>
        <source>Call emergency services at once if</source>
        <translation>次のようなときは、すぐに救急車（119番）を呼びましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="147"/>
        <source>you have chest pain</source>
        <translation>胸が痛む</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="148"/>
        <source>you are suddenly short of breath</source>
        <translation>急に息苦しくなった</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="153"/>
        <source>See an orthopaedic clinician if</source>
        <translation>次のようなときは、整形外科の医師に相談しましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="154"/>
        <source>your knee has not improved after several days of rest</source>
        <translation>数日休んでも膝がよくならない</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="155"/>
        <source>it has not improved after three to six months of regular exercise</source>
        <translation>3〜6か月続けて運動しても改善が見られない</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="215"/>
        <source>Stop the session at once if you notice</source>
        <translation>次のようなときは、すぐに運動を中止してください</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="216"/>
        <source>a sharp or stabbing pain</source>
        <translation>鋭い痛みや、刺すような痛みがある</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="217"/>
        <source>new, sudden pain, swelling or redness</source>
        <translation>新たに急な痛み・腫れ・赤みが出てきた</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="218"/>
        <source>dizziness, or you feel unwell or feverish</source>
        <translation>めまいがする、具合が悪い、または熱っぽい</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="219"/>
        <source>In a session, the red button “{sharp}” ({sharp_key}) and the button “{unwell}” ({unwell_key}) stop at once.</source>
        <translation>運動中は、赤い［{sharp}］ボタン（{sharp_key}キー）と［{unwell}］ボタン（{unwell_key}キー）で、すぐに中止できます。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="226"/>
        <source>Do not exercise today if</source>
        <translation>次のような日は運動を休みましょう</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="227"/>
        <source>your knee is hot, red or swollen</source>
        <translation>膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりしている</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="228"/>
        <source>you have a fever or feel unwell</source>
        <translation>熱がある、または具合が悪い</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="229"/>
        <source>Rest and cool the joint instead. If it does not settle, see a clinician.</source>
        <translation>その日は安静にして、膝を冷やしましょう。おさまらないときは医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/help.py" line="234"/>
        <source>Safety and when to get help</source>
        <translation>安全のために・受診の目安</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <location filename="../ui/session_flow.py" line="328"/>
        <source>How much does your knee hurt right now?</source>
        <translation>今、膝はどのくらい痛みますか？</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="329"/>
        <source>Save and start</source>
        <translation>記録して始める</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="329"/>
        <source>Skip and start</source>
        <translation>記録せずに始める</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="352"/>
        <source>How much does your knee hurt right now, after exercising?</source>
        <translation>運動を終えた今、膝はどのくらい痛みますか？</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="353"/>
        <source>Save</source>
        <translation>記録する</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="353"/>
        <source>Skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="411"/>
        <source>Before you start</source>
        <translation>始める前に</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="232"/>
        <location filename="../ui/session_flow.py" line="424"/>
        <source>Is your knee hot, red or swollen today?</source>
        <translation>今日、膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりし⁠て⁠い⁠ま⁠す⁠か⁠？</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="235"/>
        <location filename="../ui/session_flow.py" line="427"/>
        <source>Also answer yes if you have a fever or feel unwell today.</source>
        <translation>熱がある日や具合が悪い日も「はい」を選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="239"/>
        <location filename="../ui/session_flow.py" line="430"/>
        <source>Yes, or I feel unwell</source>
        <translation>はい、または具合が悪いです</translation>
    </message>
    <message>
        <location filename="../ui/chair_stand.py" line="393"/>
        <location filename="../ui/session_flow.py" line="552"/>
        <source>With a fever or if you feel unwell, rest until you feel well again.</source>
        <translation>熱があるときや具合が悪いときは、よくなるまで休みましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="428"/>
        <source>No, my knee is fine today</source>
        <translation>いいえ、今日は大丈夫です</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="284"/>
        <source>Back to routines</source>
        <translation>ルーティン一覧に戻る</translation>
    </message>
    <message>
        <location filename="../ui/checkin.py" line="282"/>
        <location filename="../ui/session_flow.py" line="458"/>
        <source>{day}, {time}</source>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="463"/>
        <source>Last time you stopped this routine because of a sharp pain: {when}, at step {step}, “{title}”.</source>
        <translation>前回、このルーティンを鋭い痛みのため中止しました（{when}、ステップ{step}「{title}」）。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="465"/>
        <source>Last time you stopped this routine because you felt unwell: {when}, at step {step}, “{title}”.</source>
        <translation>前回、このルーティンを具合が悪くなったため中止しました（{when}、ステップ{step}「{title}」）。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="469"/>
        <source>Last time you stopped this routine because of a sharp pain ({when}).</source>
        <translation>前回、このルーティンを鋭い痛みのため中止しました（{when}）。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="471"/>
        <source>Last time you stopped this routine because you felt unwell ({when}).</source>
        <translation>前回、このルーティンを具合が悪くなったため中止しました（{when}）。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="478"/>
        <source>The advice then was not to do it again before talking to a clinician about the pain. If the pain comes back, stop at once with the red button or the {key} key.</source>
        <translation>そのときは、この痛みについて医師・理学療法士に相談するまで再開しないようにとお伝えしました。痛みがまた出たら、赤いボタンか{key}キーですぐに中止してください。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="491"/>
        <source>Last time you stopped because of a sharp pain.</source>
        <translation>前回は鋭い痛みで中止しました。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="492"/>
        <source>Last time you stopped because you felt unwell.</source>
        <translation>前回は具合が悪くなって中止しました。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="514"/>
        <source>End of the session</source>
        <translation>運動はここまでです</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="577"/>
        <source>Go gently: take it slowly, make the movements smaller, pause or skip a step when you need to, and stop at once if the pain rises or turns sharp.</source>
        <translation>無理をしないでください。ゆっくり、動きを小さくして行い、必要なら一時停止したりステップを飛ばしたりしましょう。痛みが強くなったり鋭い痛みが出たりしたら、すぐに中止してください。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="589"/>
        <source>If you go on, today&apos;s session is at the easiest level, {level}. Later sessions start there too, and the coach offers the next level again once they go well.</source>
        <translation>続ける場合、今日の運動はいちばんやさしい{level}で行います。次回以降もこのレベルから始まり、運動がうまくいくようになれば、Knee Coach がまた次のレベルを提案します。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="592"/>
        <source>Go on at the easiest level</source>
        <translation>いちばんやさしいレベルで続ける</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="593"/>
        <source>Starts the routine at {level}</source>
        <translation>{level}でルーティンを始めます</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="657"/>
        <source>End this session now? What you have done so far is not in your journal yet; Knee Coach keeps trying while this window is open.</source>
        <translation>この運動を終了しますか？ここまでの内容はまだ記録に保存されていません。このウィンドウが開いている間、Knee Coachが保存を試み続けます。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="666"/>
        <source>Carry on</source>
        <translation>続ける</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="694"/>
        <source>You stopped because of a sharp pain. That was the right thing to do. It is not in your journal yet: Knee Coach keeps trying while this window is open (the bar above says why).</source>
        <translation>鋭い痛みのため中止しました。正しい判断です。このことはまだ記録に保存されていません。このウィンドウが開いている間、Knee Coachが保存を試み続けます（理由は上のお知らせをご覧ください）。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="710"/>
        <source>You stopped because you felt unwell. That was the right thing to do, and it has been recorded.</source>
        <translation>具合が悪くなったため中止しました。正しい判断です。このことは記録に残しました。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="790"/>
        <source>Not saved to your journal yet: {error}. Nothing is lost: Knee Coach tries again every few seconds while this window is open.</source>
        <translation>まだ記録に保存されていません（{error}）。内容は失われていません。このウィンドウが開いている間、数秒ごとに保存を試みます。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="809"/>
        <source>Saved: everything from this session is in your journal now.</source>
        <translation>保存しました。この運動の内容はすべて記録に残りました。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="220"/>
        <source>Stop exercising for today.</source>
        <translation>今日の運動はここまでにしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="221"/>
        <source>Sit or lie down somewhere safe and rest until you feel steady again.</source>
        <translation>安全な場所で座るか横になり、落ち着くまで休みましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="223"/>
        <source>If the knee has swollen suddenly, rest it with the leg raised; a cold pack wrapped in a towel, about 15 minutes, may ease it.</source>
        <translation>膝が急に腫れてきたときは、脚を高くして休ませましょう。タオルで包んだ保冷剤で15分ほど冷やすと、楽になることがあります。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="226"/>
        <source>Exercise again only once you feel well. If you still feel unwell after resting, or it happens again, talk to a clinician.</source>
        <translation>運動は体調が戻ってから再開しましょう。休んでも具合の悪さが続くときや、同じことがまた起きたときは、医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="488"/>
        <source>I have thought about it and want to go ahead</source>
        <translation>よく考えたうえで、始めることにします</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="433"/>
        <source>Answer no to: is your knee hot, red or swollen today? Goes on to the session</source>
        <translation>「今日、膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりしていますか？」に「いいえ」と答えて、運動に進みます</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="435"/>
        <source>Answer yes: shows rest advice and does not start the routine</source>
        <translation>「はい」と答えます。膝を休ませるための助言を表示し、ルーティンは始めません</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="335"/>
        <location filename="../ui/session_flow.py" line="440"/>
        <source>Leave without starting</source>
        <translation>始めずに戻ります</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="283"/>
        <source>Back to Today</source>
        <translation>「今日」に戻る</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="483"/>
        <source>Start again only if you feel well today. If you feel unwell again, stop at once with the “{button}” button or the {key} key, and talk to a clinician.</source>
        <translation>今日の体調がよいときだけ再開しましょう。また具合が悪くなったら、［{button}］ボタンか{key}キーですぐに中止し、医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="549"/>
        <source>Rest your knee today</source>
        <translation>今日は膝を休めましょう</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="550"/>
        <source>Exercising a knee that is hot, red or swollen can make it worse. Skipping today is the right choice, not a failure.</source>
        <translation>熱をもっていたり、赤くなったり、腫れたりしている膝を動かすと、かえって悪くなることがあります。今日休むのは正しい判断で、失敗ではありません。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="554"/>
        <source>Try the routine again gently once the heat and swelling have settled.</source>
        <translation>膝の熱（触ると熱い感じ）や腫れが引いたら、軽めにルーティンを再開しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="573"/>
        <source>You rated your pain {value} of 10.</source>
        <translation>痛みを{value}／10と記録しました。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="575"/>
        <source>That is well above your usual pain.</source>
        <translation>ふだんの痛みよりかなり強くなっています。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="595"/>
        <source>Your knee hurts a lot today</source>
        <translation>今日は膝の痛みが強いようです</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="597"/>
        <source>Rest today</source>
        <translation>今日は休む</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="598"/>
        <source>Ends the session without exercising</source>
        <translation>運動をせずに終わります</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="584"/>
        <source>Go on gently</source>
        <translation>軽めに続ける</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="556"/>
        <source>See a clinician if it has not settled after a few days.</source>
        <translation>数日たってもおさまらないときは、医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="581"/>
        <source>On a day like this, resting is a good choice, not a failure.</source>
        <translation>こんな日は、休むのも良い選択です。失敗ではありません。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="585"/>
        <source>Starts the routine</source>
        <translation>ルーティンを始めます</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="627"/>
        <source>Resting today</source>
        <translation>今日は休みます</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="628"/>
        <source>Resting your knee when it hurts a lot is the right choice, not a failure. Rate your pain again tomorrow to see whether it has settled.</source>
        <translation>痛みが強いときに膝を休ませるのは正しい判断で、失敗ではありません。落ち着いたかどうか、明日また痛みを記録しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="636"/>
        <source>A Knee Coach session is running</source>
        <translation>Knee Coach で運動中です</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="654"/>
        <location filename="../ui/session_flow.py" line="665"/>
        <source>End session</source>
        <translation>終了する</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="655"/>
        <source>End this session now? What you have done so far is saved.</source>
        <translation>この運動を終了しますか？ここまでの内容は保存されています。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="677"/>
        <source>Session ended</source>
        <translation>運動を終了しました</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="691"/>
        <location filename="../ui/session_flow.py" line="709"/>
        <source>Session stopped</source>
        <translation>運動を中止しました</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="692"/>
        <source>You stopped because of a sharp pain. That was the right thing to do, and it has been recorded.</source>
        <translation>鋭い痛みのため中止しました。正しい判断です。このことは記録に残しました。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="219"/>
        <source>What to do now</source>
        <translation>今すること</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="697"/>
        <source>Do not restart this routine until you have talked to a clinician about the pain.</source>
        <translation>この痛みについて医師・理学療法士に相談するまでは、このルーティンを再開しないようにしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="712"/>
        <source>You stopped because you felt unwell. That was the right thing to do. It is not in your journal yet: Knee Coach keeps trying while this window is open (the bar above says why).</source>
        <translation>具合が悪くなったため中止しました。正しい判断です。このことはまだ記録に保存されていません。このウィンドウが開いている間、Knee Coachが保存を試み続けます（理由は上のお知らせをご覧ください）。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="725"/>
        <source>Well done: routine complete</source>
        <translation>お疲れさまでした。ルーティン完了です</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="727"/>
        <source>Session ended: {done} of {total} steps done</source>
        <translation>運動を終了しました（{total}⁠ステップ中{done}⁠ステップ完了）</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="744"/>
        <source>You completed {done} of {total} steps.</source>
        <translation>{total}⁠ステップ中{done}⁠ステップを終えました。</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="749"/>
        <source>Pain {value} of 10: {zone}</source>
        <translation>痛み {value}／10：{zone}</translation>
    </message>
    <message>
        <location filename="../ui/session_flow.py" line="759"/>
        <source>Before you started: {before} of 10. Now: {after} of 10.</source>
        <translation>始める前の痛み {before}／10 → いまの痛み {after}／10</translation>
    </message>
</context>
<context>
    <name>SoundSettingsDialog</name>
    <message>
        <location filename="../ui/sound_settings.py" line="46"/>
        <location filename="../ui/sound_settings.py" line="47"/>
        <source>Sound and voice</source>
        <translation>効果音と音声</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="52"/>
        <source>The Sound and Voice buttons in the player (keys M and V) switch them on and off. Here you choose what they do. Changes apply at once, also during a session.</source>
        <translation>効果音と音声のオン・オフは、運動中の画面にある「効果音」「音声」ボタン（キー M と V）で切り替えます。ここでは、それぞれ何を知らせるかを選びます。変更はすぐに反映され、運動の途中でも使えます。</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="58"/>
        <source>Sounds</source>
        <translation>効果音</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="61"/>
        <source>Start of the session</source>
        <translation>運動を始めるとき</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="62"/>
        <source>Each new phase (get ready, hold, release, rest)</source>
        <translation>準備・保つ・ゆるめる・休憩などに切り替わるたび</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="63"/>
        <source>Each of the last 3 seconds of a phase</source>
        <translation>切り替わる前の残り3秒（1秒ごと）</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="64"/>
        <source>Changing to the other leg (a two-tone signal)</source>
        <translation>反対側の脚に替えるとき（高い音と低い音が交互に鳴ります）</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="65"/>
        <source>End of the routine</source>
        <translation>ルーティンが終わったとき</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="72"/>
        <location filename="../ui/sound_settings.py" line="77"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="78"/>
        <source>Loudness of the sounds, 0 to 100 %</source>
        <translation>効果音の大きさ（0〜100%）</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="87"/>
        <location filename="../ui/sound_settings.py" line="186"/>
        <source>{volume} %</source>
        <translation>{volume}%</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="88"/>
        <source>Test</source>
        <translation>鳴らしてみる</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="90"/>
        <source>Test the volume</source>
        <translation>音量を確かめる</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="91"/>
        <source>Play a sound at this volume</source>
        <translation>この音量で音を一度鳴らします</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="100"/>
        <source>Voice</source>
        <translation>音声</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="103"/>
        <source>Step names, with the side to start on</source>
        <translation>ステップの名前と、始める側</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="104"/>
        <source>Phase words: Start, Hold, Release, Rest</source>
        <translation>動きの合図：「始めましょう」「保って」「ゆるめて」「休憩」</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="105"/>
        <source>Changes of leg: “Switch to the left side”, “Press, left leg”</source>
        <translation>脚を替える合図：「左側に替えて」「押して、左脚」</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="107"/>
        <source>Closing words at the end of the routine</source>
        <translation>ルーティンの終わりのあいさつ</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="115"/>
        <source>Visual cue</source>
        <translation>画面での合図</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="117"/>
        <source>Flash a coloured frame round the player at the same moments</source>
        <translation>同じタイミングで、運動中の画面のふちを色付きの枠で光らせる</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="120"/>
        <source>For a noisy room, or if you hear poorly. Works with the sound off and without speakers.</source>
        <translation>周りがにぎやかなときや、音が聞こえにくいときに。効果音がオフでも、スピーカーがなくても使えます。</translation>
    </message>
    <message>
        <location filename="../ui/sound_settings.py" line="130"/>
        <source>Dialog buttons</source>
        <translation>ダイアログのボタン</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <location filename="../ui/sparkline.py" line="33"/>
        <source>Usual pain, last four weeks</source>
        <translation>ふだんの痛み（この4週間）</translation>
    </message>
    <message>
        <location filename="../ui/sparkline.py" line="61"/>
        <source>The 7-day average went from {first:.1f} to {last:.1f} of 10 over the last four weeks</source>
        <translation>この4週間で、7日間の平均は{first:.1f}／10から{last:.1f}／10になりました</translation>
    </message>
    <message>
        <location filename="../ui/sparkline.py" line="65"/>
        <source>No pain ratings in the last four weeks</source>
        <translation>この4週間、痛みの評価はありません</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../ui/today_view.py" line="203"/>
        <source>How is your knee today? Rate your pain when you are ready; no exercise is planned for today.</source>
        <translation>今日の膝の調子はいかがですか？&#x3000;都合のよいときに痛みを記録してください。今日は運動の予定はありません。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="207"/>
        <source>A rest day. Thank you for checking in; rest, and cool the knee if it helps.</source>
        <translation>今日は休む日です。記録をありがとうございます。膝を休ませ、楽になるなら冷やしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="213"/>
        <source>Done for today. Well done.</source>
        <translation>今日の分は終わりました。お疲れさまでした。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="215"/>
        <source>Nothing is planned for today: rest, or do a routine if you feel like it.</source>
        <translation>今日は予定がありません。膝を休ませるか、やりたければルーティンを行いましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="334"/>
        <source>Weekly plan…</source>
        <translation>週の予定…</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="336"/>
        <source>Weekly plan and reminders</source>
        <translation>週の予定とリマインダー</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="287"/>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="91"/>
        <source>Welcome. A good start is “{routine}”: read its safety notes, then press Start.</source>
        <translation>ようこそ。まずは「{routine}」がおすすめです。安全上の注意を読んでから［開始］を押してください。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="178"/>
        <source>How is your knee today? Rate your pain when you are ready.</source>
        <translation>今日の膝の調子はいかがですか？&#x3000;都合のよいときに痛みを記録してください。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="180"/>
        <source>Thank you for checking in today.</source>
        <translation>今日の記録をありがとうございます。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="184"/>
        <source>A rest day: you stopped because of a sharp pain.</source>
        <translation>今日は休む日です：鋭い痛みで中止しました。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="187"/>
        <source>A rest day: you stopped because you felt unwell.</source>
        <translation>今日は休む日です：具合が悪くなって中止しました。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="190"/>
        <source>A rest day: your knee hurt a lot before the session.</source>
        <translation>今日は休む日です：始める前の膝の痛みが強くなっていました。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="193"/>
        <source>A rest day: your pain was too much right after your last session, already at the easiest level.</source>
        <translation>今日は休む日です：前回の運動直後の痛みが強すぎました（すでにいちばんやさしいレベルです）。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="197"/>
        <source>A rest day: your knee had not settled the morning after your last session, already at the easiest level.</source>
        <translation>今日は休む日です：前回の運動の翌朝、膝の痛みがふだんの程度に戻っていませんでした（すでにいちばんやさしいレベルです）。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="201"/>
        <source>A rest day: you said your knee was hot, red or swollen, or that you felt unwell.</source>
        <translation>今日は休む日です：膝が熱をもっていたり（触ると熱い）、赤くなったり、腫れたりしている、または具合が悪いと答えました。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="211"/>
        <source>No weekly plan yet: choose a routine for today.</source>
        <translation>週の予定はまだありません。今日のルーティンを選びましょう。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="223"/>
        <source>Your knee seems to be having a flare-up. That is a reason to rest, not a failure, and flare-ups usually settle. Rest it for a few days, or do only the easiest level, and rate your pain each day; the coach goes back to your usual plan by itself once the pain settles.</source>
        <translation>痛みがぶり返しているようです。休むきっかけであって、失敗ではありません。たいていは落ち着いていきます。数日は膝を休ませるか、いちばんやさしいレベルだけにして、毎日痛みを記録しましょう。痛みが落ち着けば、自動的にふだんの週の予定に戻ります。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="289"/>
        <source>What to do today</source>
        <translation>今日すること</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="297"/>
        <source>Rate this morning&apos;s pain…</source>
        <translation>今朝の痛みを記録…</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="317"/>
        <source>Usual pain, last four weeks</source>
        <translation>ふだんの痛み（この4週間）</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="353"/>
        <source>Today, {day}</source>
        <translation>今日&#x3000;{day}</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="360"/>
        <source>Your history could not be read (the note at the top of the window says why), so the coach cannot tell how your knee has been or what today should be. If a recent session stopped because of pain or feeling unwell, follow the advice you were given then.</source>
        <translation>これまでの記録を読み込めませんでした（理由はウィンドウ上部のお知らせをご覧ください）。そのため、膝の調子の移り変わりや、今日どうするのがよいかをお伝えできません。最近、痛みや具合の悪さで運動を中止した場合は、そのときに表示された助言に従ってください。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="376"/>
        <source>Yesterday you did “{routine}”. How is your knee this morning?</source>
        <translation>昨日は「{routine}」を行いました。今朝の膝の調子はいかがですか？</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="402"/>
        <source>How often to do “{routine}”: {frequency}</source>
        <translation>「{routine}」の頻度：{frequency}</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="410"/>
        <source>Rate my pain now</source>
        <translation>今の痛みを記録</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="425"/>
        <source>✓ Done today: “{routine}”</source>
        <translation>✓ 今日行いました：「{routine}」</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="439"/>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="441"/>
        <source>Start “{routine}”</source>
        <translation>「{routine}」を開始</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="443"/>
        <source>Begins with its safety check</source>
        <translation>まず安全の確認から始まります</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="452"/>
        <source>Choose another routine…</source>
        <translation>ほかのルーティンを選ぶ…</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="453"/>
        <source>Choose a routine…</source>
        <translation>ルーティンを選ぶ…</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="468"/>
        <source>A 30-second chair stand test is due: counting how often you can stand up in 30 seconds shows how your legs&apos; strength changes over the weeks.</source>
        <translation>30秒椅子立ち上がりテストの時期です。30秒間に何回立ち上がれるかを数えると、脚の力の変化が週ごとにわかります。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="472"/>
        <source>Chair stand test…</source>
        <translation>椅子立ち上がりテスト…</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="498"/>
        <source>Start the easiest level</source>
        <translation>いちばんやさしいレベルで始める</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="499"/>
        <source>Start gently</source>
        <translation>ゆっくり始める</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="500"/>
        <source>Start “{routine}” at its easiest level</source>
        <translation>「{routine}」をいちばんやさしいレベルで始める</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="535"/>
        <source>{duration}, {level}</source>
        <translation>{duration}、{level}</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="539"/>
        <source>{duration}, about once an hour while you sit</source>
        <translation>{duration}、座っているあいだ1時間に1回くらい</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="543"/>
        <source>{duration}; planned for {time}</source>
        <translation>{duration}、{time}の予定</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="560"/>
        <source>Last session: {day}, “{routine}”</source>
        <translation>前回の運動：{day}、「{routine}」</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="566"/>
        <source>pain right after: {value} of 10 ({zone})</source>
        <translation>直後の痛み {value}／10（{zone}）</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="573"/>
        <source>in the safe range the next morning</source>
        <translation>翌朝は問題のない範囲でした</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="574"/>
        <source>pain the next morning: {value} of 10</source>
        <translation>翌朝の痛み {value}／10</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="571"/>
        <source>back to usual the next morning</source>
        <translation>翌朝はふだんの程度に戻りました</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="572"/>
        <source>not settled the next morning</source>
        <translation>翌朝はふだんの程度に戻りませんでした</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="577"/>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="577"/>
        <source>.</source>
        <translation>。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="592"/>
        <source>Rate your pain on at least {days} days in a week to compare it with your first week.</source>
        <translation>最初の1週間と比べるには、1週間のうち{days}⁠日以上、痛みを記録してください。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="595"/>
        <source>The period you compare with takes in some of the last 7 days.</source>
        <translation>比べている期間に直近7日間の一部が含まれています。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="597"/>
        <source>Not enough ratings yet to compare with your first week.</source>
        <translation>最初の週と比べるには、まだ記録が足りません。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="612"/>
        <source>This week: {done} of {planned} planned sessions done.</source>
        <translation>今週：予定した{planned}⁠回のうち{done}⁠回行いました。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="615"/>
        <source>The four weeks before: {done} of {planned}.</source>
        <translation>その前の4週間：{planned}⁠回のうち{done}⁠回。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="625"/>
        <source>Make a weekly plan and Knee Coach reminds you when it is time.</source>
        <translation>週の予定を作ると、時間になったらKnee Coachがお知らせします。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="627"/>
        <source>Reminders are off.</source>
        <translation>リマインダーはオフです。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="629"/>
        <source>No reminder is coming up.</source>
        <translation>予定されているリマインダーはありません。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="631"/>
        <source>Next: a check-in, {day} at {time}.</source>
        <translation>次回：{day} {time}に日々の記録。</translation>
    </message>
    <message>
        <location filename="../ui/today_view.py" line="634"/>
        <source>Next reminder: {day} at {time}, “{routine}”.</source>
        <translation>次のリマインダー：{day} {time}、「{routine}」。</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../ui/tray.py" line="51"/>
        <source>Rate my pain now…</source>
        <translation>今の痛みを記録…</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="55"/>
        <source>Pause reminders for today</source>
        <translation>今日はリマインダーを止める</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="60"/>
        <source>Open Knee Coach</source>
        <translation>Knee Coach を開く</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="62"/>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <location filename="../ui/tray.py" line="89"/>
        <source>Start “{title}”</source>
        <translation>「{title}」を始める</translation>
    </message>
</context>
<context>
    <name>Trend</name>
    <message>
        <location filename="../ui/trend_tools.py" line="21"/>
        <source>2 weeks</source>
        <translation>2週間</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="21"/>
        <source>3 months</source>
        <translation>3か月</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="22"/>
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="22"/>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="30"/>
        <source>No ratings of your usual pain in the last 7 days.</source>
        <translation>直近7日間に、ふだんの痛みの記録がありません。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="32"/>
        <source>Last 7 days: {mean:.1f} on average.</source>
        <translation>直近7日間の平均：{mean:.1f}</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="37"/>
        <source>The period you compare with takes in some of the last 7 days: choose one that ends before them to see how your pain compares.</source>
        <translation>比べている期間に直近7日間の一部が含まれています。痛みの変化を見るには、それより前に終わる期間を選んでください。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="41"/>
        <source>Rate your pain on at least {days} days in a week to see how it compares.</source>
        <translation>比較を表示するには、1週間のうち{days}⁠日以上、痛みを記録してください。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="44"/>
        <source>Keep rating for a week or two: the comparison with your first week appears once there is a week to compare with it.</source>
        <translation>1〜2週間記録を続けてください。最初の1週間と比べられるだけの記録がたまると、比較を表示します。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="49"/>
        <source> ({percent}%)</source>
        <translation>（{percent}%）</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="52"/>
        <source>About the same as in the period you compare with ({base:.1f}).</source>
        <translation>比べている期間（{base:.1f}）とほぼ同じです。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="54"/>
        <source>{points:.1f} lower than in the period you compare with{percent}.</source>
        <translation>比べている期間より{points:.1f}⁠点{percent}低くなっています。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="56"/>
        <source>{points:.1f} higher than in the period you compare with{percent}.</source>
        <translation>比べている期間より{points:.1f}⁠点{percent}高くなっています。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="59"/>
        <source>About the same as when you started ({base:.1f}).</source>
        <translation>始めたころ（{base:.1f}）とほぼ同じです。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="60"/>
        <source>{points:.1f} lower than when you started{percent}.</source>
        <translation>始めたころより{points:.1f}⁠点{percent}低くなっています。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="61"/>
        <source>{points:.1f} higher than when you started{percent}.</source>
        <translation>始めたころより{points:.1f}⁠点{percent}高くなっています。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="68"/>
        <source>That is a meaningful improvement.</source>
        <translation>意味のある改善といえる変化です。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="69"/>
        <source>A small improvement: not yet the 2 points or 30% that people usually call much better.</source>
        <translation>少し改善しています。ただ、多くの人が「だいぶよくなった」と感じる2点または30%には、まだ届いていません。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="72"/>
        <source>Many people notice a change after 2 to 6 weeks of regular practice.</source>
        <translation>続けて2〜6週間ほどで変化に気づく人が多いです。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="74"/>
        <source>A little higher. Keep an eye on it, and make sessions easier if pain keeps rising.</source>
        <translation>少し高くなっています。様子を見て、上がり続けるようなら運動を軽めにしましょう。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="76"/>
        <source>That is a meaningful rise. Make sessions easier or rest, and talk to a clinician if it does not settle.</source>
        <translation>はっきりと上がっています。運動を軽めにするか休み、おさまらないときは医師・理学療法士に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="80"/>
        <source>You have exercised in {n} of the last {weeks} weeks, and your usual pain has not improved meaningfully. After about three months of regular exercise, it is worth seeing an orthopaedic clinician about your knee.</source>
        <translation>直近{weeks}⁠週のうち{n}⁠週で運動を続けていますが、ふだんの痛みにはっきりした改善が見られません。3か月ほど続けても改善しないときは、一度、整形外科の医師に相談しましょう。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="87"/>
        <source>Right after exercise, last 4 weeks: {green} safe, {amber} acceptable, {red} too much.</source>
        <translation>直近4週間の運動直後の痛み：問題なし（{green}⁠回）、許容範囲（{amber}⁠回）、痛みが強すぎる（{red}⁠回）。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="91"/>
        <source>1 session in the last 4 weeks.</source>
        <translation>直近4週間の運動：1回</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="92"/>
        <source>{n} sessions in the last 4 weeks.</source>
        <translation>直近4週間の運動：{n}⁠回</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="31"/>
        <source>Better: {points:.1f} points lower than the period you compare with</source>
        <translation>改善：比べる期間より{points:.1f}⁠点低い</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="33"/>
        <source>A little better: {points:.1f} points lower than the period you compare with</source>
        <translation>少し改善：比べる期間より{points:.1f}⁠点低い</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="36"/>
        <source>About the same as the period you compare with</source>
        <translation>比べる期間とほぼ同じ</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="38"/>
        <source>A little worse: {points:.1f} points higher than the period you compare with</source>
        <translation>痛みがやや増加：比べる期間より{points:.1f}⁠点高い</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="40"/>
        <source>Worse: {points:.1f} points higher than the period you compare with</source>
        <translation>痛みが増加：比べる期間より{points:.1f}⁠点高い</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="45"/>
        <source>Better: {points:.1f} points lower than your first week</source>
        <translation>改善：最初の1週間より{points:.1f}⁠点低い</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="47"/>
        <source>A little better: {points:.1f} points lower than your first week</source>
        <translation>少し改善：最初の1週間より{points:.1f}⁠点低い</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="49"/>
        <source>About the same as your first week</source>
        <translation>最初の1週間とほぼ同じ</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="50"/>
        <source>A little worse: {points:.1f} points higher than your first week</source>
        <translation>痛みがやや増加：最初の1週間より{points:.1f}⁠点高い</translation>
    </message>
    <message>
        <location filename="../ui/verdict.py" line="52"/>
        <source>Worse: {points:.1f} points higher than your first week</source>
        <translation>痛みが増加：最初の1週間より{points:.1f}⁠点高い</translation>
    </message>
</context>
<context>
    <name>TrendView</name>
    <message>
        <location filename="../ui/trend_chart.py" line="120"/>
        <source>Click a name to show or hide it on the chart</source>
        <translation>名前をクリックすると、グラフでの表示・非表示を切り替えられます</translation>
    </message>
    <message>
        <location filename="../ui/trend_view.py" line="127"/>
        <source>No ratings yet</source>
        <translation>まだ記録がありません</translation>
    </message>
    <message>
        <location filename="../ui/trend_view.py" line="130"/>
        <source>Rate your knee pain from 0 (none) to 10 (worst imaginable) once a day, and before and after each routine. After a week or two this page shows whether your pain is going down, with a chart you can share with your clinician.</source>
        <translation>膝の痛みを0（なし）から10（想像できる最悪）で、1日1回と、各ルーティンの前後に記録しましょう。1〜2週間たつと、痛みが下がってきているかをこのページでグラフとともに確認でき、医師・理学療法士に見せることもできます。</translation>
    </message>
    <message>
        <location filename="../ui/trend_view.py" line="134"/>
        <source>Rate my pain now</source>
        <translation>今の痛みを記録</translation>
    </message>
    <message>
        <location filename="../ui/trend_view.py" line="137"/>
        <source>Rate your knee pain from 0 to 10 and save it in your journal</source>
        <translation>膝の痛みを0から10で評価して、記録に残します</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="41"/>
        <source>Show {range}</source>
        <translation>{range}を表示</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="43"/>
        <source>How much of the chart to show</source>
        <translation>グラフに表示する期間</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="50"/>
        <source>Save chart…</source>
        <translation>グラフを保存…</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="51"/>
        <source>Export CSV…</source>
        <translation>CSV に書き出す…</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="52"/>
        <source>Report for my clinician…</source>
        <translation>医師・理学療法士に見せるレポート…</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="56"/>
        <source>Save the chart as a picture (PNG)</source>
        <translation>グラフを画像（PNG）として保存します</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="57"/>
        <source>Save all ratings and sessions as a CSV file</source>
        <translation>すべての痛みの評価と運動を CSV ファイルに書き出します</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="58"/>
        <source>Save a one-page PDF report to show your clinician</source>
        <translation>医師・理学療法士に見せる1ページの PDF レポートを保存します</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="63"/>
        <source>Corrections…</source>
        <translation>修正…</translation>
    </message>
    <message>
        <location filename="../ui/trend_tools.py" line="65"/>
        <source>See and correct your ratings</source>
        <translation>痛みの評価を確認して修正します</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="102"/>
        <source>Chart of pain ratings over time</source>
        <translation>痛みの評価の推移グラフ</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="126"/>
        <location filename="../ui/trend_view.py" line="261"/>
        <source>Function</source>
        <translation>膝の機能</translation>
    </message>
    <message>
        <location filename="../ui/trend_view.py" line="192"/>
        <source>Level {new}</source>
        <translation>レベル{new}</translation>
    </message>
    <message>
        <location filename="../ui/trend_view.py" line="193"/>
        <source>Level {old} → {new}</source>
        <translation>レベル{old} → {new}</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="80"/>
        <source>30-day average</source>
        <translation>30日間平均</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="257"/>
        <source>Your ratings with their {days}-day average; the summary beside it says in words whether your pain is going down</source>
        <translation>痛みの評価とその{days}⁠日間平均のグラフです。横のまとめに、痛みが下がってきているかを言葉で示します</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="107"/>
        <source>Pain (0-10)</source>
        <translation>痛み（0〜10）</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="79"/>
        <source>7-day average</source>
        <translation>7日間平均</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="153"/>
        <source>Usual pain</source>
        <translation>ふだんの痛み</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="178"/>
        <source>Session</source>
        <translation>運動</translation>
    </message>
    <message>
        <location filename="../ui/trend_chart.py" line="181"/>
        <source>Sharp-pain stop</source>
        <translation>鋭い痛みで中止</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="105"/>
        <location filename="../ui/trend_summary.py" line="111"/>
        <source>Is it working?</source>
        <translation>効果は出ていますか？</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="106"/>
        <source>The chart&apos;s summary in words</source>
        <translation>グラフの内容を言葉でまとめたもの</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="119"/>
        <source>Compare with…</source>
        <translation>比べる期間…</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="121"/>
        <source>Choose the period your recent pain is compared with</source>
        <translation>最近の痛みと比べる期間を選びます</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="164"/>
        <source>1 rating has a date the chart cannot show (before 1970 or in the future). It is kept in your journal and its exports; Corrections… can delete it.</source>
        <translation>日付がグラフに表示できない記録（1970年より前、または未来の日付）が1件あります。記録と書き出しには残っています。「修正…」から削除できます。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="168"/>
        <source>{n} ratings have a date the chart cannot show (before 1970 or in the future). They are kept in your journal and its exports; Corrections… can delete them.</source>
        <translation>日付がグラフに表示できない記録（1970年より前、または未来の日付）が{n}⁠件あります。記録と書き出しには残っています。「修正…」から削除できます。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="174"/>
        <source>Compared with your first week of ratings.</source>
        <translation>記録を始めた最初の1週間と比べています。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="178"/>
        <source>Compared with {start} to {end}.</source>
        <translation>{start}〜{end} と比べています。</translation>
    </message>
    <message>
        <location filename="../ui/trend_summary.py" line="195"/>
        <source>The line is the {days}-day average of your usual pain: check-ins, ratings before exercise and next-morning ratings (the dots; the shading spans each day&apos;s lowest to highest). Where it is dashed, no rating stands behind it: it carries your last ratings on to today. Ratings right after exercise are judged by their zone: 0-2 safe, 3-5 acceptable, 6-10 too much (shaded with that layer). Click the key to show or hide a layer.</source>
        <translation>線は、ふだんの痛みの{days}⁠日間平均です。日々の記録、運動前と翌朝の評価を含みます（点は一つひとつの評価、影はその日の最低から最高までの幅）。破線の部分には評価がなく、直近の平均を今日まで延ばして描いています。運動直後の評価はゾーンで判断します：0〜2 問題なし、3〜5 許容範囲、6〜10 痛みが強すぎる（その表示をオンにすると色分けされます）。凡例の項目をクリックすると、表示と非表示を切り替えられます。</translation>
    </message>
    <message>
        <location filename="../ui/trend_view.py" line="406"/>
        <source>Pain {value}</source>
        <translation>痛み {value}</translation>
    </message>
</context>
</TS>
